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
