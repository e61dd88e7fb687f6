import { useEffect, useState, type ComponentType } from 'react';

type Translator = ComponentType<{ message: string }>;
let importTranslator: (() => Promise<Translator>) | undefined;
let translator: Translator | undefined;

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
 * loads when a first error shows, so that the first pages stay on their budget; until it is there,
 * or if it cannot load (offline before any form was shown), the message shows in English.
 */
export function ErrorMessage({ message }: { message: string }) {
  const [Translated, setTranslated] = useState(() => translator);
  useEffect(() => {
    if (!Translated)
      importTranslator?.().then(
        (found) => setTranslated(() => (translator = found)),
        () => undefined,
      );
  }, [Translated]);
  return Translated ? <Translated message={message} /> : message;
}
