import { formattingLocale } from './locale';
/**
 * Dates for people, with Intl only (no date library: this module ships with the first page). Billing
 * dates (invoice, due, renewal, cycle) are the billing calendar's, in UTC (src/lib/billing-calendar.ts),
 * and show as the same calendar date in every time zone; moments (a link's expiry) show in the
 * user's own zone. `locale` undefined is the runtime's default.
 */

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const cacheKey = `${locale ?? ''}|${key}`;
  let format = formats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(cacheKey, format);
  }
  return format;
}

export type DateStyle = 'medium' | 'long';

/** A billing date for people ("Mar 1, 2026", "March 1, 2026"), the same calendar date in every time zone. */
export function formatBillingDate(value: Date | string | number, style: DateStyle = 'medium', locale = formattingLocale()): string {
  return dateFormat(locale, { dateStyle: style, timeZone: 'UTC' }, `billing-${style}`).format(toDate(value));
}

/** "Oct 18 – Nov 17, 2026": a run of billing days, `last` included. */
export function formatBillingDays(first: Date, last: Date, locale = formattingLocale()): string {
  const format = dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }, 'billing-range');
  return last.getTime() <= first.getTime() ? format.format(first) : format.formatRange(first, last);
}

/** "Nov 18" (or "Nov 18, 2025" when `now` is in another year): a billing day in a short form. */
export function formatShortBillingDay(value: Date, now: Date, locale = formattingLocale()): string {
  const sameYear = value.getUTCFullYear() === now.getUTCFullYear();
  return sameYear
    ? dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }, 'billing-short').format(value)
    : dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }, 'billing-range').format(value);
}

/** "March 2026": a billing month, in UTC. */
export function formatBillingMonth(value: Date, locale = formattingLocale()): string {
  return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }, 'billing-month').format(value);
}

/**
 * An instant for people, in their own time zone, named ("Mar 1, 2026, 3:45 PM PST"): for what
 * happened at a moment (a link's expiry, an event, a payment deadline), not for billing dates, which
 * the pages label as UTC days; the zone's name tells the two apart.
 */
export function formatInstant(value: Date | string | number, locale = formattingLocale()): string {
  return dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }, 'instant').format(toDate(value));
}
