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

/** "3 hours ago", "yesterday", "now": how long before `now` a moment was, in the largest whole unit. */
export function formatRelativeInstant(value: Date | string | number, now: Date, locale = formattingLocale()): string {
  const elapsed = (value instanceof Date ? value : new Date(value)).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (Math.abs(elapsed) >= ms) return format.format(Math.trunc(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}
