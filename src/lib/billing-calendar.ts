import { UTCDateMini } from '@date-fns/utc/date/mini';
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  formatISO,
  isValid,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfYear,
  subQuarters,
  subYears,
} from 'date-fns';

/**
 * The billing system's calendar, for the console and the server alike. Invoice dates, due dates,
 * renewals, billing cycles and report periods are calendar dates in UTC: an invoice issued at
 * 2026-03-01T06:00Z is dated March 1 in Los Angeles and in Auckland, as on its PDF. "Today" and "this
 * month" are the billing calendar's too, so a filter selects the same invoices in every time zone.
 * Month arithmetic is date-fns's, in UTC (`{ in: utc }`), which clamps to the month's last day.
 */

/** A calendar date, YYYY-MM-DD. */
export type BillingDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * date-fns's context for UTC (`{ in: utc }`). @date-fns/utc's own `utc` makes a UTCDate, whose module
 * builds three Intl date formats as it loads (for its toString, which we never call): 20 to 40 ms on
 * the invoice page before its first rows. UTCDateMini does the same arithmetic without them.
 */
const utc = (value: Date | number | string): Date => {
  const date = new UTCDateMini(+new Date(value));
  // A fake clock (Playwright's page.clock) replaces Date with a function that returns a plain Date,
  // which would do this arithmetic in the local time zone: the date gets the UTC methods back.
  if (!(date instanceof UTCDateMini)) Object.setPrototypeOf(date, UTCDateMini.prototype);
  return date;
};

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** The billing date of an instant: its UTC calendar day, YYYY-MM-DD. */
export function billingDay(value: Date | string | number): BillingDay {
  return formatISO(toDate(value), { representation: 'date', in: utc });
}

/** A YYYY-MM-DD string naming a real calendar day, or null. */
export function parseBillingDay(value: string | null | undefined): BillingDay | null {
  const match = DAY_PATTERN.exec(value ?? '');
  if (!match || value === null || value === undefined) return null;
  const date = dayStart(value);
  return isValid(date) && billingDay(date) === value ? value : null;
}

/** 00:00 UTC of a YYYY-MM-DD day (Invalid Date when it is not one). */
export function dayStart(day: BillingDay): Date {
  const match = DAY_PATTERN.exec(day);
  if (!match) return new Date(Number.NaN);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** 00:00 UTC of the instant's billing day. */
export function startOfBillingDay(value: Date | string | number): Date {
  return startOfDay(toDate(value), { in: utc });
}

/** 00:00 UTC on the first of the instant's billing month. */
export function startOfBillingMonth(value: Date | string | number): Date {
  return startOfMonth(toDate(value), { in: utc });
}

/** Whole days later (or earlier), in UTC. */
export function addBillingDays(value: Date | string | number, days: number): Date {
  return addDays(toDate(value), days, { in: utc });
}

/** Billing days from one instant's day to another's: 1 from any time on March 1 to any time on March 2 (negative when `to` is earlier). */
export function billingDaysBetween(from: Date | string | number, to: Date | string | number): number {
  return differenceInCalendarDays(toDate(to), toDate(from), { in: utc });
}

/** Calendar months later (or earlier), in UTC, the day clamped to the month's length (Jan 31 + 1 month = Feb 28/29). */
export function addBillingMonths(value: Date | string | number, months: number): Date {
  return addMonths(toDate(value), months, { in: utc });
}

/**
 * How many whole periods of `months` have started since `anchor` by `now`: the n for which
 * `anchor` + n × `months` <= `now` < `anchor` + (n + 1) × `months` (negative before the anchor). Each
 * start is counted from the anchor itself, not from the previous one: a period anchored on the 31st
 * starts on the last day of shorter months and on the 31st again afterwards (Jan 31, Feb 28, Mar 31).
 */
export function periodsElapsed(anchor: Date, months: number, now: Date): number {
  // Start n lies in the calendar month n × months after the anchor's, so n is at most this; the
  // clamped day or the time of day can put it after now, by one step at most.
  let step = Math.floor(differenceInCalendarMonths(now, anchor, { in: utc }) / months);
  if (addBillingMonths(anchor, step * months).getTime() > now.getTime()) step -= 1;
  return step;
}

/** The first of `anchor`, `anchor` + `months`, `anchor` + 2 × `months`, ... that is after `now`: the anchor itself while it is still ahead. */
export function nextPeriodStart(anchor: Date, months: number, now: Date): Date {
  return addBillingMonths(anchor, Math.max(0, periodsElapsed(anchor, months, now) + 1) * months);
}

/** A half-open interval [start, end) of UTC instants; a null bound is open. */
export interface BillingRange {
  start: Date | null;
  end: Date | null;
}

/** Days as a half-open range: `from` at 00:00 UTC to the day after `to` (both included); either may be open. */
export function dayRange(from: BillingDay | null, to: BillingDay | null): BillingRange {
  return { start: from ? dayStart(from) : null, end: to ? addBillingDays(dayStart(to), 1) : null };
}

export type CalendarPeriod = 'this-month' | 'last-quarter' | 'this-year' | 'last-year';

/**
 * A period of the billing calendar around `now`. "Last quarter" is the previous calendar quarter
 * (Q1 = January to March): on 10 May 2025 it is 1 January to 31 March 2025; on 10 February 2025,
 * 1 October to 31 December 2024. "This month" and "this year" run to the end of the month and year.
 */
export function calendarPeriod(period: CalendarPeriod, now: Date): { start: Date; end: Date } {
  switch (period) {
    case 'this-month': {
      const start = startOfMonth(now, { in: utc });
      return { start, end: addMonths(start, 1, { in: utc }) };
    }
    case 'last-quarter': {
      const end = startOfQuarter(now, { in: utc });
      return { start: subQuarters(end, 1, { in: utc }), end };
    }
    case 'this-year': {
      const start = startOfYear(now, { in: utc });
      return { start, end: addMonths(start, 12, { in: utc }) };
    }
    case 'last-year': {
      const end = startOfYear(now, { in: utc });
      return { start: subYears(end, 1, { in: utc }), end };
    }
  }
}

/** Whether an instant falls in a range (start included, end excluded). */
export function inRange(time: number, range: BillingRange): boolean {
  return (range.start === null || time >= range.start.getTime()) && (range.end === null || time < range.end.getTime());
}
