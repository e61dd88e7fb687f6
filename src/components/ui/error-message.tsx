import { useEffect, useState, type ComponentType } from 'react';
import { activeLanguage } from '@/lib/i18n';

type Translator = ComponentType<{ message: string }>;
let importTranslator: (() => Promise<Translator>) | undefined;

/**
 * The import of translated-message.tsx, provided by the shell (src/app/messages.ts) for the reason
 * provideTranslations gives (src/lib/i18n.ts).
 */
export function provideMessageTranslator(load: () => Promise<Translator>): void {
  importTranslator = load;
}

/**
 * An error's message in the active language: the console's own request errors and coded field
 * errors are translated (translated-message.tsx), the rest shows as it came. The translating code
 * loads when an error shows, so that the first pages stay on their budget. In English the message
 * shows at once; in another language, once that code is there (English would flash for a few
 * frames), or in English if it cannot load (offline before any form was shown).
 */
export function ErrorMessage({ message }: { message: string }) {
  // The translator once loaded (a module already loaded comes at once); false when it could not load.
  const [Translated, setTranslated] = useState<Translator | false>();
  useEffect(() => {
    if (Translated === undefined)
      importTranslator?.().then(
        (found) => setTranslated(() => found),
        () => setTranslated(false),
      );
  }, [Translated]);
  return Translated ? <Translated message={message} /> : Translated === false || activeLanguage() === 'en' ? message : null;
}
