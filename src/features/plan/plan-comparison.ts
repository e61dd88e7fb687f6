import type { Cost, Plan } from '@/api/contract';
import { PLAN_CATALOG, type PlanInfo } from '@/api/plans';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import english from './messages/en.json?messages';
import type { PlanMessages } from './messages';

const ALL_PLANS = Object.values(PLAN_CATALOG);

/** The plans an organization can switch to: the contract's "2025 plans are the new plans available". */
export const OFFERED_PLANS: readonly PlanInfo[] = ALL_PLANS.filter((plan) => plan.generation === '2025' && !plan.deprecated);

/**
 * Every other plan, listed for reference and never offered. FREE, PROFESSIONAL and BUSINESS are
 * deprecated (changePlan refuses them). TEAM, TEAM_YEARLY, ENTERPRISE and ENTERPRISE_YEARLY are not
 * deprecated and the server still accepts them, but the contract names the 2025 plans as the ones
 * available: an organization already on one keeps it untouched, and the console does not move
 * anyone onto a plan that is being phased out.
 */
export const OLDER_PLANS: readonly PlanInfo[] = ALL_PLANS.filter((plan) => !OFFERED_PLANS.includes(plan));

export function isOffered(plan: Plan): boolean {
  return OFFERED_PLANS.some((offered) => offered.id === plan);
}

/** What a plan costs per month, in cents: yearly plans count a twelfth of their price, rounded to the cent. */
export function monthlyCents(plan: Plan): number {
  const info = PLAN_CATALOG[plan];
  return info.period === 'year' ? Math.round(info.priceInCents / 12) : info.priceInCents;
}

/** An amount per month, in cents of `currency`. */
export interface MonthlyPrice {
  cents: number;
  currency: string;
}

/**
 * What the organization pays per month now, from the API's current cost (a yearly plan's price
 * counted by the month): the price actually agreed, which the catalog's list price need not be.
 */
export function currentMonthlyPrice(plan: Plan, cost: Cost): MonthlyPrice {
  const cents = PLAN_CATALOG[plan].period === 'year' ? Math.round(cost.total_in_cents / 12) : cost.total_in_cents;
  return { cents, currency: cost.currency_code };
}

/** The change in monthly cost when moving from what is paid now to a plan: positive costs more; null across currencies. */
export function monthlyChangeCents(from: MonthlyPrice, to: Plan): number | null {
  return from.currency === PLAN_CATALOG[to].currency ? monthlyCents(to) - from.cents : null;
}

/** The words of the plan page: its messages and the plans' names (usePlanName). */
export interface PlanWords {
  t: PlanMessages;
  planName: (plan: string) => string;
}

/**
 * What the console says once a switch is done. Nothing is charged now: the new price starts with the
 * renewal that was already due (README, "Plan"), which during a trial is the trial's end. In the
 * page's `words`; without them, in English.
 */
export function planChangedMessage(organizationName: string, plan: PlanInfo, facts: { nextRenewal: Date | null; trialDaysLeft: number } | null, words?: PlanWords): string {
  const t: Partial<PlanMessages> = words?.t ?? english;
  const values = {
    organization: organizationName,
    plan: words ? words.planName(plan.id) : plan.name,
    price: formatMinor(plan.priceInCents, plan.currency),
    period: plan.period,
    from: facts && facts.trialDaysLeft > 0 ? 'trial' : facts?.nextRenewal ? 'renewal' : 'next',
  };
  const message = facts?.nextRenewal ? t.planChangedOn?.({ ...values, date: formatBillingDate(facts.nextRenewal, 'long') }) : t.planChanged?.(values);
  return message ?? '';
}
