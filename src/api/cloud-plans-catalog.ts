/** Prices of the Cloud Plans sandbox, shared by the sandbox (which charges them) and the console (which shows them). */

/** The sandbox's one Cloud Plans plan, billed per instance and per month (README, "Cloud Plans sandbox"). */
export const CLOUD_PLAN = {
  id: 'STANDARD',
  name: 'Standard',
  unitPriceCents: 1_900,
  currency: 'USD',
  period: 'month',
} as const;

export const MAX_INSTANCES = 1_000;
export const CANCEL_REASON_MAX_LENGTH = 500;

export function cloudPlanName(plan: string): string {
  return plan === CLOUD_PLAN.id ? CLOUD_PLAN.name : plan;
}

/** What `quantity` instances of the plan cost per period, in cents. */
export function monthlyPriceCents(quantity: number): number {
  return quantity * CLOUD_PLAN.unitPriceCents;
}

/** One calendar month earlier in UTC, the day clamped to the month's length (Mar 31 → Feb 28/29). */
function monthBefore(date: Date): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()));
}

/**
 * What raising a subscription costs now: the added instances for the rest of the month already paid
 * (until `paymentExp`), prorated to the millisecond and rounded to the cent. Lowering it costs nothing
 * (no refund). The sandbox charges this; the console shows it before the change is confirmed.
 */
export function prorationCents(added: number, paymentExp: Date, now: Date): number {
  if (added <= 0) return 0;
  const period = paymentExp.getTime() - monthBefore(paymentExp).getTime();
  const remaining = Math.min(Math.max(paymentExp.getTime() - now.getTime(), 0), period);
  return Math.round((monthlyPriceCents(added) * remaining) / period);
}
