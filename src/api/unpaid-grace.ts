import type { CurrentCost } from './contract';

/**
 * The billing status rule for an organization billed by invoice, shared by the sandbox (billing-rules.ts)
 * and the console's overview: billing turns invalid once an invoice has stayed NOT_PAID for more than
 * 7 days after it was issued.
 */
export const UNPAID_GRACE_DAYS = 7;

const DAY_MS = 86_400_000;

/** The instant billing turns invalid if an invoice issued at `createdAt` stays NOT_PAID. */
export function unpaidDeadline(createdAt: string | Date): Date {
  return new Date(new Date(createdAt).getTime() + UNPAID_GRACE_DAYS * DAY_MS);
}

/** Days left before `deadline`, a day begun counting as one (as the status message counts): 0 once it has passed. */
export function daysLeft(deadline: Date, now: Date): number {
  const left = deadline.getTime() - now.getTime();
  return left <= 0 ? 0 : Math.ceil(left / DAY_MS);
}

/**
 * Whether the organization runs on credit now: in a trial, or on a $0 plan (billing-rules.ts). Then
 * its unpaid invoices are owed but do not make billing invalid; running out of credit does.
 */
export function runsOnCreditNow(cost: CurrentCost | undefined): boolean {
  return cost !== undefined && ((cost.remaining_trial_day ?? 0) > 0 || (cost.cost?.total_in_cents ?? 0) === 0);
}
