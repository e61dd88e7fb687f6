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
