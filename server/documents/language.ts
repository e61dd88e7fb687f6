import { ApiError } from '#api/api-error';

/**
 * The languages of the sandbox's documents (invoice PDFs, mails, hosted checkout pages) and how one
 * is chosen: the billing country's, unless the reader asks for one with `?lang=`. Loaded at start,
 * so it holds no words: those are in the catalogs, which load with the first document
 * (document-text.ts).
 */
export const DOCUMENT_LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** The locale a document's amounts and dates follow: one per language, whatever the country. */
export const DOCUMENT_LOCALES: Readonly<Record<DocumentLanguage, string>> = { en: 'en-US', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' };

const COUNTRY_LANGUAGES: Readonly<Record<string, DocumentLanguage>> = { FR: 'fr', BE: 'fr', DE: 'de', AT: 'de', ES: 'es' };

/** The language of a billing country (ISO 3166 code): English for any other country, or none. */
export function countryLanguage(countryCode: string | null | undefined): DocumentLanguage {
  return COUNTRY_LANGUAGES[(countryCode ?? '').toUpperCase()] ?? 'en';
}

/**
 * Languages the console speaks and documents do not: the PDFs' standard fonts cannot draw Hebrew
 * (WinAnsi only), so a Hebrew reader gets English documents rather than an error.
 */
const IN_ENGLISH: ReadonlySet<string> = new Set(['he']);

function isDocumentLanguage(value: string): value is DocumentLanguage {
  return DOCUMENT_LANGUAGES.some((language) => language === value);
}

/** `?lang=`: a document language, English for Hebrew, undefined when absent or empty, null when unknown. */
export function parseLanguage(value: string | undefined): DocumentLanguage | undefined | null {
  const tag = (value ?? '').trim().toLowerCase();
  if (tag === '') return undefined;
  if (isDocumentLanguage(tag)) return tag;
  return IN_ENGLISH.has(tag) ? 'en' : null;
}

export const UNKNOWN_LANGUAGE_MESSAGE = 'Unknown language in lang: use en, fr, de or es (he gives English: documents have no Hebrew version)';

/** `?lang=` on a file the API serves: an unknown value is a 400 that says which ones there are. */
export function requestedLanguage(value: string | undefined): DocumentLanguage | undefined {
  const language = parseLanguage(value);
  if (language === null) throw new ApiError(400, UNKNOWN_LANGUAGE_MESSAGE, [{ field: 'lang', message: UNKNOWN_LANGUAGE_MESSAGE }]);
  return language;
}
