/**
 * What a compiled catalog calls at run time (server/icu-messages-plugin.ts): the helpers of
 * @messageformat/runtime, with plural rules from Intl.PluralRules rather than make-plural's tables,
 * so that plurals follow the same Intl data as the console's numbers and dates. Tiny and in the
 * entry: a catalog then imports nothing that is not already loaded.
 */
type PluralRule = (value: number, ordinal?: boolean) => string;
const numberFormats = new Map<string, Intl.NumberFormat>();

/** `#` inside a plural: the count, in the catalog's language. */
export function number(locale: string, value: number, offset: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value - offset);
}

export function plural<T>(value: number, offset: number, rule: PluralRule, cases: Record<string, T>, ordinal?: boolean): T | undefined {
  if (Object.hasOwn(cases, value)) return cases[value];
  const key = rule(offset ? value - offset : value, ordinal);
  return Object.hasOwn(cases, key) ? cases[key] : cases.other;
}

export function select<T>(value: string, cases: Record<string, T>): T | undefined {
  return Object.hasOwn(cases, value) ? cases[value] : cases.other;
}

export function pluralRule(locale: string): PluralRule {
  const cardinal = new Intl.PluralRules(locale);
  const ordinal = new Intl.PluralRules(locale, { type: 'ordinal' });
  return (value, isOrdinal) => (isOrdinal ? ordinal : cardinal).select(value);
}
