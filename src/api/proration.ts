import { billingDaysBetween } from '../lib/billing-calendar';
import { monthlyPriceCents } from './cloud-plans-catalog';

/**
 * What a change of a Cloud Plans subscription's quantity charges now: the sandbox charges it and the
 * console quotes it, with this one function, so that the figure a dialog shows is the amount the
 * billing history then records (README, "Cloud Plans sandbox").
 *
 * A paid period runs from its start (`period_start`) to `payment_exp`, counted in billing days (UTC
 * calendar dates): from the start's day to the day before `payment_exp`'s; the renewal day belongs to
 * the next period, which the renewal bills. A raise is charged for the days left, today included.
 * Whole days rather than milliseconds, so that a quote stays true while its dialog is open: it
 * changes only when the billing day does.
 */

/** When a paid period began (`period_start`) and when the next one begins (`payment_exp`). */
export interface PeriodBounds {
  start: Date;
  end: Date;
}

export interface PaidPeriod extends PeriodBounds {
  /** Billing days in the period. */
  days: number;
  /** Billing days left, today included; 0 on the renewal day and after it. */
  daysLeft: number;
}

export function paidPeriod({ start, end }: PeriodBounds, now: Date): PaidPeriod {
  const days = billingDaysBetween(start, end);
  return { start, end, days, daysLeft: Math.min(Math.max(billingDaysBetween(now, end), 0), days) };
}

/** What `instances` cost for the days left in the period, rounded to the cent. */
export function prorationCents(instances: number, bounds: PeriodBounds, now: Date): number {
  if (instances <= 0) return 0;
  const { days, daysLeft } = paidPeriod(bounds, now);
  return Math.round((monthlyPriceCents(instances) * daysLeft) / days);
}

export interface QuantityChange {
  /** Instances in the subscription now. */
  current: number;
  /**
   * The most instances already paid for in the period (the sandbox's `paid_quantity`): lowering the
   * quantity refunds nothing, so instances given up stay paid for and come back free until the
   * period ends.
   */
  paidQuantity: number;
  target: number;
  period: PeriodBounds;
  now: Date;
}

export interface QuantityCharge {
  /** Cents of CLOUD_PLAN.currency charged now; 0 when nothing is, and then no history entry is made. */
  amountCents: number;
  /** Instances charged now: those above the most already paid for, while days of the period are left. */
  charged: number;
  /** The most instances paid for in the period before the change (never fewer than `current`). */
  paidFor: number;
  /** The same after the change: what the sandbox stores as `paid_quantity`. */
  paidForAfter: number;
  period: PaidPeriod;
}

/** The charge for changing the quantity from `current` to `target` at `now`. */
export function quantityChangeCharge({ current, paidQuantity, target, period: bounds, now }: QuantityChange): QuantityCharge {
  const paidFor = Math.max(paidQuantity, current);
  const period = paidPeriod(bounds, now);
  // With no day left, the added instances are the renewal's to bill, at the new quantity.
  const charged = period.daysLeft > 0 ? Math.max(target - paidFor, 0) : 0;
  return {
    amountCents: prorationCents(charged, bounds, now),
    charged,
    paidFor,
    paidForAfter: Math.max(paidFor, target),
    period,
  };
}
