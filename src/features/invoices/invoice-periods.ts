import { calendarPeriod, dayRange, type BillingDay, type BillingRange } from '@/lib/billing-calendar';

/**
 * The invoice list's date filter: the presets of the billing calendar and a custom range of billing
 * days (UTC, src/lib/billing-calendar.ts), so that "this month" or a range selects the same invoices
 * in every time zone, the ones whose PDF carries those dates.
 */

export const PERIODS = ['this-month', 'last-quarter', 'this-year', 'last-year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<Period, string> = {
  'this-month': 'This month',
  'last-quarter': 'Last quarter',
  'this-year': 'This year',
  'last-year': 'Last year',
  custom: 'Custom range',
};

export interface PeriodFilter {
  period: Period | null;
  /** Custom range bounds as billing days (YYYY-MM-DD, UTC), both inclusive; either may be open. */
  from: BillingDay | null;
  to: BillingDay | null;
}

export function isPeriod(value: string | null): value is Period {
  return PERIODS.some((period) => period === value);
}

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
