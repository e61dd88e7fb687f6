/**
 * The locale the console formats numbers, money and dates in: the active language's (src/lib/i18n.ts
 * sets it), so that a French page says "1 234,50 €" and "1 janvier 2027" and an English one does
 * not. Undefined, the runtime's default, where no language was chosen: the server, unit tests.
 * No React here: the money and date modules are shared with the server.
 */
let current: string | undefined;

export function formattingLocale(): string | undefined {
  return current;
}

export function setFormattingLocale(locale: string | undefined): void {
  current = locale;
}
