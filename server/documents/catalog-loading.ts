import type { DocumentLanguage } from './language';

/**
 * What document-text.ts and field-error-text.ts share: compiling ICU messages lazily, and loading a
 * language once. Imported only by those two, which are themselves only ever imported with
 * `await import()`; the compiler is loaded by the first compile, not at start.
 */
export type CompiledMessage = (values?: Readonly<Record<string, string | number>>) => string;

/** A compiler for `language` that compiles each message the first time it is said, and keeps it by its key. */
export async function messageCompiler(language: DocumentLanguage): Promise<(key: string, message: string) => CompiledMessage> {
  const { default: MessageFormat } = await import('@messageformat/core');
  const format = new MessageFormat(language);
  const compiled = new Map<string, CompiledMessage>();
  return (key, message) => {
    let run = compiled.get(key);
    if (!run) {
      run = format.compile(message);
      compiled.set(key, run);
    }
    return run;
  };
}

/** `load`, once per language, kept; a failed load (a missing file) is tried again by the next call rather than remembered. */
export function oncePerLanguage<Value>(load: (language: DocumentLanguage) => Promise<Value>): (language: DocumentLanguage) => Promise<Value> {
  const loaded = new Map<DocumentLanguage, Promise<Value>>();
  return (language) => {
    let value = loaded.get(language);
    if (!value) {
      value = load(language);
      void value.catch(() => loaded.delete(language));
      loaded.set(language, value);
    }
    return value;
  };
}
