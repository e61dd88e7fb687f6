import { addBillingDays, addBillingMonths, billingDay, periodsElapsed } from '@/lib/billing-calendar';
import { formatBillingDays, formatShortBillingDay } from '@/lib/date-format';
import { formattingLocale } from '@/lib/i18n';

/**
 * Billing cycles for usage report presets. A cycle runs from 00:00 UTC on the renewal day to 00:00
 * UTC on the next one, a month later (a year later on a yearly plan); usage is reported per UTC day.
 * Every cycle start is counted from one anchor on the renewal day (the billing calendar's month
 * arithmetic clamps it), never by adding a month to the previous start: a renewal on the 31st starts
 * cycles on Jan 31, Feb 28 (29 in leap years), Mar 31, Apr 30…, without drifting to the 28th.
 */
export interface BillingCycle {
  /** The cycle as an ISO 8601 interval of UTC dates, e.g. 2026-10-18/2026-11-18 (end exclusive). */
  key: string;
  from: Date;
  to: Date;
  inProgress: boolean;
}

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

/** A cycle start on `day` of `month` (0-11) in a 2000, a leap year whose January has every day: later starts are counted from it. */
function anchorOn(month: number, day: number): Date {
  return addBillingMonths(new Date(Date.UTC(2000, 0, day)), month);
}

/** The cycle start in a month: the renewal day, or the month's last day when the month is shorter. */
export function cycleStart(year: number, month: number, day: number): Date {
  return addBillingMonths(anchorOn(0, day), (year - 2000) * 12 + month);
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
  const months = length === 'year' ? 12 : 1;
  const anchor = anchorOn(length === 'year' ? month : 0, day);
  const current = periodsElapsed(anchor, months, now);
  const cycles: BillingCycle[] = [];
  for (let back = 0; back <= count; back += 1) {
    const from = addBillingMonths(anchor, (current - back) * months);
    const to = addBillingMonths(anchor, (current - back + 1) * months);
    if (back > 0 && since && to.getTime() <= since.getTime()) break;
    cycles.push({ key: `${billingDay(from)}/${billingDay(to)}`, from, to, inProgress: back === 0 });
  }
  return cycles;
}

/** "Oct 18 – Nov 17, 2026": the days a period covers, its exclusive end shown as the last day included. */
export function formatPeriod(from: Date, to: Date): string {
  return formatBillingDays(from, addBillingDays(to, -1));
}

/**
 * "Nov 18 – today": a period still running, shown up to the day it has reached (the year only when
 * not this one); "today" is Intl's word for it in the active language, as the dates are.
 */
export function formatPeriodToToday(from: Date, now: Date, locale = formattingLocale()): string {
  return `${formatShortBillingDay(from, now, locale)} – ${new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'day')}`;
}

/**
 * A report's period as its CSV holds it: a period still running at `now` is shown up to today (the
 * CSV holds only days that have happened), never up to a last day still to come.
 */
export function formatReportPeriod(from: Date, to: Date, now: Date): string {
  return to.getTime() > now.getTime() ? formatPeriodToToday(from, now) : formatPeriod(from, to);
}
