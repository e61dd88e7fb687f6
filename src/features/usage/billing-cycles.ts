/**
 * Billing cycles for usage report presets. A cycle runs from 00:00 UTC on the renewal day to 00:00
 * UTC on the next one, a month later (a year later on a yearly plan); usage is reported per UTC day. Each cycle start is computed from the
 * renewal day itself, never by adding a month to the previous start: a renewal on the 31st starts
 * cycles on Jan 31, Feb 28 (29 in leap years), Mar 31, Apr 30…, without drifting to the 28th.
 */
export interface BillingCycle {
  /** The cycle as an ISO 8601 interval of UTC dates, e.g. 2026-10-18/2026-11-18 (end exclusive). */
  key: string;
  from: Date;
  to: Date;
  inProgress: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/** The renewal day of month, 1 to 31, in UTC; the 1st (calendar months) when there is no renewal date. */
export function renewalDay(renewalAt: string | null | undefined): number {
  if (!renewalAt) return 1;
  const date = new Date(renewalAt);
  return Number.isNaN(date.getTime()) ? 1 : date.getUTCDate();
}

/** The renewal month, 0 to 11, in UTC (a yearly plan renews on it); January when there is no renewal date. */
export function renewalMonth(renewalAt: string | null | undefined): number {
  if (!renewalAt) return 0;
  const date = new Date(renewalAt);
  return Number.isNaN(date.getTime()) ? 0 : date.getUTCMonth();
}

/** The cycle start in a month: the renewal day, or the month's last day when the month is shorter. */
export function cycleStart(year: number, month: number, day: number): Date {
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDay)));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type CycleLength = 'month' | 'year';

export interface CycleOptions {
  /** A yearly plan's cycles last a year, from the renewal day of `renewalMonth`. */
  length?: CycleLength;
  renewalMonth?: number;
  /**
   * When the organization was created: cycles that ended before it are left out (their report
   * would be empty). The cycle in progress always stays.
   */
  since?: Date;
}

/** The cycle in progress at `now`, then the `count` cycles before it, newest first. */
export function billingCycles(day: number, now: Date, count = 12, { length = 'month', renewalMonth: month = 0, since }: CycleOptions = {}): BillingCycle[] {
  const year = now.getUTCFullYear();
  const step = length === 'year' ? 12 : 1;
  let start = length === 'year' ? month : now.getUTCMonth();
  if (cycleStart(year, start, day).getTime() > now.getTime()) start -= step;
  const cycles: BillingCycle[] = [];
  for (let back = 0; back <= count; back += 1) {
    const from = cycleStart(year, start - back * step, day);
    const to = cycleStart(year, start - (back - 1) * step, day);
    if (back > 0 && since && to.getTime() <= since.getTime()) break;
    cycles.push({ key: `${isoDate(from)}/${isoDate(to)}`, from, to, inProgress: back === 0 });
  }
  return cycles;
}

const rangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Oct 18 – Nov 17, 2026": the days a period covers, its exclusive end shown as the last day included. */
export function formatPeriod(from: Date, to: Date): string {
  const lastDay = new Date(Math.max(from.getTime(), to.getTime() - DAY_MS));
  return rangeFormat.formatRange(from, lastDay);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Nov 18 – today": a period still running, shown up to the day it has reached (the year only when not this one). */
export function formatPeriodToToday(from: Date, now: Date): string {
  const format = from.getUTCFullYear() === now.getUTCFullYear() ? dayFormat : dayYearFormat;
  return `${format.format(from)} – today`;
}
