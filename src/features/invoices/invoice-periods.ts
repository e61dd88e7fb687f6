import { calendarPeriod, dayRange, type BillingDay, type BillingRange } from '@/lib/billing-calendar';

/**
 * The invoice list's date filter: the presets of the billing calendar and a custom range of billing
 * days (UTC, src/lib/billing-calendar.ts), so that "this month" or a range selects the same invoices
 * in every time zone, the ones whose PDF carries those dates.
 */

export const PERIODS = ['this-month', 'last-quarter', 'this-year', 'last-year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

export interface PeriodFilter {
  period: Period | null;
  /** Custom range bounds as billing days (YYYY-MM-DD, UTC), both inclusive; either may be open. */
  from: BillingDay | null;
  to: BillingDay | null;
}

export function isPeriod(value: string | null): value is Period {
  return PERIODS.some((period) => period === value);
}

/**
 * Why a custom range selects nothing, or null when it is fine. The reason is in English, for tests
 * and logs: this module also runs in Node (npm run bench:invoices), where no catalog loads; the form
 * says it in the user's language (messages rangeError).
 */
export function rangeError(filters: PeriodFilter): string | null {
  if (filters.period === 'custom' && filters.from && filters.to && filters.from > filters.to) return 'The start date is after the end date.';
  return null;
}

/**
 * The period as UTC instants [start, end) of the billing calendar, around `now` (whose UTC day is
 * "today"): see calendarPeriod for the presets. A custom range includes both of its days. Null: no
 * date filter (no period, or an invalid custom range, which selectView turns into an empty view and
 * the form reports).
 */
export function periodRange(filters: PeriodFilter, now: Date): BillingRange | null {
  switch (filters.period) {
    case null:
      return null;
    case 'custom':
      if (rangeError(filters) || (!filters.from && !filters.to)) return null;
      return dayRange(filters.from, filters.to);
    default:
      return calendarPeriod(filters.period, now);
  }
}
