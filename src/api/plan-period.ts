/** How often a plan is charged: the yearly plans say so in their id (the contract's PLANS). */
export function planPeriod(plan: string): 'month' | 'year' {
  return plan.endsWith('_YEARLY') ? 'year' : 'month';
}
