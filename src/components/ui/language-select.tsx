import { useId } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, setLanguage, useLanguage } from '@/lib/i18n';
import { useUiMessages } from './messages';

/**
 * The language menu: each language named in its own words (and marked with its own `lang`, so that
 * screen readers pronounce it), the choice kept for the next visit (src/lib/i18n.ts).
 */
export function LanguageSelect() {
  const t = useUiMessages();
  const id = useId();
  const language = useLanguage();
  return (
    <div className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {t.languageLabel()}
      </label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const chosen = LANGUAGES.find((option) => option === event.target.value);
          if (chosen) void setLanguage(chosen);
        }}
        className="h-9 rounded-md border border-line-strong bg-surface px-2 text-sm text-ink"
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
