import { codeOf, type MessageParams } from '#api/field-messages';
import { messageCompiler, oncePerLanguage } from './catalog-loading';
import { DOCUMENT_LOCALES, type DocumentLanguage } from './language';

/**
 * Field errors in a document's language, for the hosted pages' forms. A shared schema's message is
 * English text filed under a stable code (src/api/field-messages.ts); the console's translations of
 * those codes (src/components/ui/field-messages/<language>.json, `#field-messages/*`) say them in
 * the other languages, so the hosted pages and the console word an error the same way. Like
 * document-text.ts, only ever imported with `await import()`.
 */
type Translations = Readonly<Record<string, string>>;

const TRANSLATIONS: Readonly<Record<Exclude<DocumentLanguage, 'en'>, () => Promise<{ default: Translations }>>> = {
  fr: () => import('#field-messages/fr.json'),
  de: () => import('#field-messages/de.json'),
  es: () => import('#field-messages/es.json'),
};

/** Parameters named `country` (an ISO code) and `lengths` ("13,16,19") are said in the language, as the console does. */
function localized(params: MessageParams, locale: string): Record<string, string | number> {
  const values: Record<string, string | number> = { ...params };
  if (typeof params.country === 'string') values.country = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(params.country) ?? params.country;
  if (typeof params.lengths === 'string') values.lengths = new Intl.ListFormat(locale, { type: 'disjunction' }).format(params.lengths.split(','));
  return values;
}

async function load(language: DocumentLanguage): Promise<(message: string) => string> {
  // English needs no catalog: a message is its English text.
  if (language === 'en') return (message) => message;
  const locale = DOCUMENT_LOCALES[language];
  const [compile, { default: translations }] = await Promise.all([messageCompiler(language), TRANSLATIONS[language]()]);
  return (message) => {
    const known = codeOf(message);
    const translation = known ? translations[known.code] : undefined;
    if (!known || translation === undefined) return message;
    return compile(known.code, translation)(localized(known.params, locale));
  };
}

/** Says a field error's message in `language`; a message without a known code, or without a translation, stays as it is. */
export const fieldErrorText = oncePerLanguage(load);
