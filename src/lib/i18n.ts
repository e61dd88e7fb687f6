import { useSyncExternalStore } from 'react';
import { setFormattingLocale } from './locale';

/**
 * The console's languages and their catalogs (docs/decisions/011-translations.md).
 *
 * Each area of the console (the shell, a feature, the shared components) keeps its words in
 * `messages/<language>.json`: flat ICU MessageFormat strings, compiled at build time into one
 * function per message (server/icu-messages-plugin.ts). English, the source language, ships inside
 * the area's own chunk; other languages are fetched when first needed, per area, so that a page
 * loads the words of its own language and nothing else.
 */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'he'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own words, as a language menu shows them. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', he: 'עברית' };
const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(['he']);
const STORAGE_KEY = 'billing-console.language';

function languageOf(tag: string): Language | undefined {
  const base = tag.toLowerCase().split('-')[0];
  return LANGUAGES.find((language) => language === base);
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
}

function savedLanguage(): Language | undefined {
  try {
    return languageOf(localStorage.getItem(STORAGE_KEY) ?? '');
  } catch {
    return undefined; // storage may be off: the browser's languages decide
  }
}

/** The saved choice, else the first of the browser's languages that the console speaks, else English. */
export function detectLanguage(saved = savedLanguage(), preferred = browserLanguages()): Language {
  if (saved) return saved;
  for (const tag of preferred) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
}

let current: Language = detectLanguage();
const listeners = new Set<() => void>();

export function activeLanguage(): Language {
  return current;
}

/**
 * The locale that numbers, money, dates and plurals follow: the active language, with the region of
 * the browser's own tag for it when there is one (fr-CA, en-GB), so that no sentence mixes languages.
 */
export function formattingLocale(): string {
  return browserLanguages().find((tag) => languageOf(tag) === current) ?? current;
}

export function textDirection(language: Language = current): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
}

function applyToDocument() {
  setFormattingLocale(formattingLocale());
  if (typeof document === 'undefined') return;
  document.documentElement.lang = current;
  document.documentElement.dir = textDirection();
}
applyToDocument();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, activeLanguage, activeLanguage);
}

/** Fetches an area's catalog for a language; null when there is nothing to fetch (loaded, or English). */
type Load = (language: Language) => Promise<void> | null;
const catalogs = new Set<Load>();

/**
 * Switches the console to `language` and remembers the choice. The catalogs of every area already
 * on screen are fetched first, so the page changes language at once rather than word by word.
 */
export async function setLanguage(language: Language): Promise<void> {
  await Promise.all([...catalogs].map((load) => load(language) ?? Promise.resolve()));
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* storage may be off: the choice lasts until the page is reloaded */
  }
  current = language;
  applyToDocument();
  for (const listener of listeners) listener();
}

/** A compiled message: its text, with the values of its placeholders put in. */
export type Message = (values?: Readonly<Record<string, string | number>>) => string;
export type Messages<Source> = { readonly [Key in keyof Source]: Message };

/** A compiled catalog: one function per message. Which messages it has, the build checks (catalogs.test.ts). */
function isCatalog<Source>(value: unknown): value is Messages<Source> {
  return typeof value === 'object' && value !== null && Object.values(value).every((message) => typeof message === 'function');
}

type Translations = Record<string, () => Promise<unknown>>;

const provided = new Map<string, Translations>();

/**
 * Translations imported by the shell for a catalog that is defined lower down (src/components/ui):
 * a dynamic import in a module that lazy pages share makes the bundler move Vite's preload helper
 * out of the entry into a chunk of its own, one more request on every first page.
 */
export function provideTranslations(catalog: string, translations: Translations): void {
  provided.set(catalog, translations);
}

/**
 * An area's catalogs: `english` is its compiled `messages/en.json`; `translations` the lazy imports
 * of the others (`import.meta.glob`), or the name they were provided under. Returns the area's hook.
 * A message missing from a translation falls back to English rather than to its key.
 */
export function defineMessages<Source extends Record<string, string>>(english: unknown, translations: Translations | string): () => Messages<Source> {
  if (!isCatalog<Source>(english)) throw new Error('Not a catalog');
  const source = english;
  const loaded = new Map<Language, Messages<Source>>([['en', source]]);
  const pending = new Map<Language, Promise<void>>();
  const load: Load = (language) => {
    if (loaded.has(language)) return null;
    let promise = pending.get(language);
    if (!promise) {
      const importers = typeof translations === 'string' ? (provided.get(translations) ?? {}) : translations;
      const importer = Object.entries(importers).find(([path]) => path.endsWith(`/${language}.json`))?.[1];
      // No translation (yet): the English words show meanwhile, and the next render asks again.
      if (!importer) return null;
      promise = importer().then(
        (module) => {
          const translated: unknown = typeof module === 'object' && module !== null && 'default' in module ? module.default : undefined;
          if (!isCatalog<Source>(translated)) throw new Error(`Not a ${language} catalog`);
          loaded.set(language, { ...source, ...translated });
        },
        (error: unknown) => {
          pending.delete(language); // a failed fetch may be retried
          throw error;
        },
      );
      pending.set(language, promise);
    }
    return promise;
  };
  catalogs.add(load);
  // Started as the area's code arrives, before anything renders with it.
  if (current !== 'en') void load(current)?.catch(() => undefined);
  return function useMessages() {
    const loading = load(activeLanguage());
    // Suspends until the catalog is there. Thrown rather than use()d: React replays a component that
    // use()s a pending promise from its first hook, and refuses the replay of one that mounted a
    // store hook (useQuery, useLanguage) before it (production error 520/467), whereas a thrown
    // promise discards the render and starts it again once the catalog has arrived.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (loading) throw loading;
    const language = useLanguage();
    return loaded.get(language) ?? source;
  };
}

/** "a, b and c" in the active language. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(formattingLocale(), { type: 'conjunction' }).format(items);
}
