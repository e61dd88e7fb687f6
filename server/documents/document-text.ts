import type english from './messages/en.json';
import { DOCUMENT_LOCALES, type DocumentLanguage } from './language';

/**
 * The words of the sandbox's documents (invoice PDFs, mails, hosted checkout pages), one flat ICU
 * MessageFormat catalog per language in `messages/<language>.json`, compiled at run time by
 * @messageformat/core into one function per message. Only ever imported with `await import()`, by
 * the first document: neither the catalogs nor the compiler are loaded at start (npm run bench:start;
 * the server's bundle holds the catalogs as modules it evaluates when first imported).
 */
export type DocumentMessageKey = keyof typeof english;
export type MessageValues = Readonly<Record<string, string | number>>;

export interface DocumentText {
  language: DocumentLanguage;
  /** The locale of its amounts, dates and numbers (DOCUMENT_LOCALES). */
  locale: string;
  /** A message of the catalog, with the values of its placeholders put in. */
  t: (key: DocumentMessageKey, values?: MessageValues) => string;
  /** A country (ISO 3166 code) in the language: "France", "Frankreich", "Francia". */
  countryName: (code: string) => string;
}

type Catalog = Readonly<Record<DocumentMessageKey, string>>;

const CATALOGS: Readonly<Record<DocumentLanguage, () => Promise<{ default: Catalog }>>> = {
  en: () => import('./messages/en.json'),
  fr: () => import('./messages/fr.json'),
  de: () => import('./messages/de.json'),
  es: () => import('./messages/es.json'),
};

async function load(language: DocumentLanguage): Promise<DocumentText> {
  // The type of CATALOGS makes every catalog have the English one's keys; document-messages.test.ts, their placeholders.
  const [{ default: MessageFormat }, { default: catalog }] = await Promise.all([import('@messageformat/core'), CATALOGS[language]()]);
  const format = new MessageFormat(language);
  // Each message is compiled the first time a document says it.
  const compiled = new Map<DocumentMessageKey, (values?: MessageValues) => string>();
  const regions = new Intl.DisplayNames([DOCUMENT_LOCALES[language]], { type: 'region', fallback: 'code' });
  return {
    language,
    locale: DOCUMENT_LOCALES[language],
    t: (key, values) => {
      let run = compiled.get(key);
      if (!run) {
        run = format.compile(catalog[key]);
        compiled.set(key, run);
      }
      return run(values);
    },
    countryName: (code) => regions.of(code.toUpperCase()) ?? code,
  };
}

const loaded = new Map<DocumentLanguage, Promise<DocumentText>>();

/** The compiled words of a language, compiled once and kept. */
export function documentText(language: DocumentLanguage): Promise<DocumentText> {
  let text = loaded.get(language);
  if (!text) {
    text = load(language);
    // A failed load (a missing file) is tried again by the next document rather than remembered.
    void text.catch(() => loaded.delete(language));
    loaded.set(language, text);
  }
  return text;
}
