import type english from './messages/en.json';
import { messageCompiler, oncePerLanguage } from './catalog-loading';
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
  const [compile, { default: catalog }] = await Promise.all([messageCompiler(language), CATALOGS[language]()]);
  const regions = new Intl.DisplayNames([DOCUMENT_LOCALES[language]], { type: 'region', fallback: 'code' });
  return {
    language,
    locale: DOCUMENT_LOCALES[language],
    // Each message is compiled the first time a document says it.
    t: (key, values) => compile(key, catalog[key])(values),
    countryName: (code) => regions.of(code.toUpperCase()) ?? code,
  };
}

/** The compiled words of a language, compiled once and kept. */
export const documentText = oncePerLanguage(load);
