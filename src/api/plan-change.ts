import * as z from 'zod/mini';
import type { BillingStatus, Plan } from './contract';
import { isPlan, PLAN_CATALOG } from './plans';

// Apart from plans.ts, which the overview loads on the first page: only the plan page and the server need these.

/**
 * The sandbox's billing rule (README, "Billing status"), for the server, which judges billing status
 * with it, and the console, which warns with it before a plan change: a $0 plan, and any plan during
 * its trial, runs on credit and is valid while credit is left; other plans are billed by invoice.
 */
export function runsOnCredit(plan: Plan, inTrial: boolean): boolean {
  return PLAN_CATALOG[plan].priceInCents === 0 || inTrial;
}

/**
 * Whether credit is left, as far as the billing status tells (the contract has no credit balance):
 * while billing runs on credit, it is valid exactly when credit is left; billed by invoice, the
 * status says nothing of credit (null).
 */
export function creditLeftFromStatus(plan: Plan, inTrial: boolean, status: BillingStatus): boolean | null {
  return runsOnCredit(plan, inTrial) && status.is_valid !== undefined ? status.is_valid : null;
}

export interface PlanChangeInput {
  from: Plan;
  to: Plan;
  /** The current plan's next renewal, where the period already billed ends; null when not known. */
  nextRenewal: Date | null;
  inTrial: boolean;
  /** Whether the organization has credit left; null when not known. */
  creditLeft: boolean | null;
}

/** How billing is judged after a switch: by invoice, or on credit (valid: null when it depends on credit not known). */
export type BillingAfterChange = { by: 'invoice' } | { by: 'credit'; valid: boolean | null };

export interface PlanChange {
  /** Charged when switching, in minor units of the new plan's currency. */
  chargedNowMinor: number;
  /** The new plan's price per period, billed from `priceFrom`. */
  price: { minor: number; currency: string; period: 'month' | 'year' };
  /** The first renewal billed at the new price: the current plan's next renewal (null when not known). */
  priceFrom: Date | null;
  /**
   * The renewals are counted from `priceFrom` from now on: the new plan's period has another length
   * (monthly and yearly), so the old plan's anchor would not fall where the period already billed ends.
   */
  reanchor: boolean;
  /** The trial goes on, on the new plan, to the same end. */
  trialContinues: boolean;
  billing: BillingAfterChange;
}

/**
 * What a plan change does in the sandbox (README, "Plan"), which applies it, and what the console's
 * dialog says before it is confirmed. The switch is immediate (features, audit-log retention, billing
 * rule) and charges nothing: the period already billed is neither charged again nor refunded, and the
 * new price is billed from the current plan's next renewal. A trial continues to its end.
 */
export function planChange({ from, to, nextRenewal, inTrial, creditLeft }: PlanChangeInput): PlanChange {
  const target = PLAN_CATALOG[to];
  return {
    chargedNowMinor: 0,
    price: { minor: target.priceInCents, currency: target.currency, period: target.period },
    priceFrom: nextRenewal,
    reanchor: PLAN_CATALOG[from].period !== target.period,
    trialContinues: inTrial,
    billing: runsOnCredit(to, inTrial) ? { by: 'credit', valid: creditLeft } : { by: 'invoice' },
  };
}

export const changePlanRequestSchema = z.object({
  plan: z.string('Choose a plan').check(
    z.refine(isPlan, 'Unknown plan: choose one of the plans listed'),
    z.refine((plan) => !isPlan(plan) || !PLAN_CATALOG[plan].deprecated, 'This plan is deprecated and can no longer be chosen: pick a 2025 plan'),
  ),
});

export type ChangePlanRequest = z.infer<typeof changePlanRequestSchema>;
