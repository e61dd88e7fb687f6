import { formattingLocale } from './locale';
/**
 * How long ago a moment was, with Intl only. Apart from date-format.ts, which ships with the first
 * page: only the pages that show events need it.
 */
const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

/** The language's relative time format ("in 3 hours", "yesterday"), made once per language. */
export function relativeTimeFormat(locale = formattingLocale()): Intl.RelativeTimeFormat {
  let format = formats.get(locale ?? '');
  if (!format) formats.set(locale ?? '', (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

/**
 * `format.format(value, unit)`, less a count the words already say: Hebrew's data writes one and two
 * of a unit with their own word and the number after it in brackets ("בעוד שעה (1)", in an hour),
 * which reads as a typo in a sentence. Every other language's text is left as Intl writes it.
 */
export function formatRelative(format: Intl.RelativeTimeFormat, value: number, unit: Intl.RelativeTimeFormatUnit): string {
  const parts = format.formatToParts(value, unit);
  const number = parts.findIndex((part) => part.type === 'integer');
  const before = parts[number - 1]?.value ?? '';
  const after = parts[number + 1]?.value ?? '';
  if (number < 0 || !before.endsWith('(') || !after.startsWith(')')) return parts.map((part) => part.value).join('');
  return `${before.slice(0, -1).trimEnd()}${after.slice(1)}`;
}

/** "3 hours ago", "yesterday", "now": how long before `now` a moment was, in the largest whole unit. */
export function formatRelativeInstant(value: Date | string | number, now: Date, locale = formattingLocale()): string {
  const elapsed = (value instanceof Date ? value : new Date(value)).getTime() - now.getTime();
  const format = relativeTimeFormat(locale);
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (Math.abs(elapsed) >= ms) return formatRelative(format, Math.trunc(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}
