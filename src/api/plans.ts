import * as z from 'zod/mini';
import { PLANS, type Plan } from './contract';

export interface PlanInfo {
  id: Plan;
  name: string;
  /** Price of one billing period, in cents of `currency`. */
  priceInCents: number;
  currency: 'USD';
  period: 'month' | 'year';
  /** Deprecated per the contract: shown as legacy, refused by changePlan. */
  deprecated: boolean;
  generation: '2025' | 'legacy';
  auditLogsRetentionInDays: number;
  highlights: readonly string[];
}

/**
 * The sandbox's documented price list (README, "Sandbox prices"). A plan priced 0 runs on credits:
 * its billing is valid while credit is left.
 */
export const PLAN_CATALOG: Record<Plan, PlanInfo> = {
  USER_2025: {
    id: 'USER_2025', name: 'User', priceInCents: 0, currency: 'USD', period: 'month', deprecated: false,
    generation: '2025', auditLogsRetentionInDays: 7,
    highlights: ['1 seat', 'Runs on credits', 'Community support'],
  },
  TEAM_2025: {
    id: 'TEAM_2025', name: 'Team', priceInCents: 29_900, currency: 'USD', period: 'month', deprecated: false,
    generation: '2025', auditLogsRetentionInDays: 30,
    highlights: ['Up to 10 seats', '3 managed clusters', 'Email support'],
  },
  BUSINESS_2025: {
    id: 'BUSINESS_2025', name: 'Business', priceInCents: 89_900, currency: 'USD', period: 'month', deprecated: false,
    generation: '2025', auditLogsRetentionInDays: 90,
    highlights: ['Up to 50 seats', '10 managed clusters', 'SSO and audit logs', 'Priority support'],
  },
  ENTERPRISE_2025: {
    id: 'ENTERPRISE_2025', name: 'Enterprise', priceInCents: 249_900, currency: 'USD', period: 'month', deprecated: false,
    generation: '2025', auditLogsRetentionInDays: 365,
    highlights: ['Unlimited seats', 'Unlimited clusters', 'Dedicated support and SLA'],
  },
  TEAM: {
    id: 'TEAM', name: 'Team (2023)', priceInCents: 19_900, currency: 'USD', period: 'month', deprecated: false,
    generation: 'legacy', auditLogsRetentionInDays: 30, highlights: ['Previous generation'],
  },
  TEAM_YEARLY: {
    id: 'TEAM_YEARLY', name: 'Team yearly (2023)', priceInCents: 199_000, currency: 'USD', period: 'year', deprecated: false,
    generation: 'legacy', auditLogsRetentionInDays: 30, highlights: ['Previous generation, billed yearly'],
  },
  ENTERPRISE: {
    id: 'ENTERPRISE', name: 'Enterprise (2023)', priceInCents: 99_900, currency: 'USD', period: 'month', deprecated: false,
    generation: 'legacy', auditLogsRetentionInDays: 365, highlights: ['Previous generation'],
  },
  ENTERPRISE_YEARLY: {
    id: 'ENTERPRISE_YEARLY', name: 'Enterprise yearly (2023)', priceInCents: 999_000, currency: 'USD', period: 'year',
    deprecated: false, generation: 'legacy', auditLogsRetentionInDays: 365, highlights: ['Previous generation, billed yearly'],
  },
  FREE: {
    id: 'FREE', name: 'Free (legacy)', priceInCents: 0, currency: 'USD', period: 'month', deprecated: true,
    generation: 'legacy', auditLogsRetentionInDays: 7, highlights: ['Deprecated'],
  },
  PROFESSIONAL: {
    id: 'PROFESSIONAL', name: 'Professional (legacy)', priceInCents: 4_900, currency: 'USD', period: 'month',
    deprecated: true, generation: 'legacy', auditLogsRetentionInDays: 14, highlights: ['Deprecated'],
  },
  BUSINESS: {
    id: 'BUSINESS', name: 'Business (legacy)', priceInCents: 39_900, currency: 'USD', period: 'month', deprecated: true,
    generation: 'legacy', auditLogsRetentionInDays: 30, highlights: ['Deprecated'],
  },
};

const planSet = new Set<string>(PLANS);

export function isPlan(value: string): value is Plan {
  return planSet.has(value);
}

export function planName(plan: string): string {
  return isPlan(plan) ? PLAN_CATALOG[plan].name : plan;
}

export const changePlanRequestSchema = z.object({
  plan: z
    .string('Choose a plan')
    .check(
      z.refine(isPlan, 'Unknown plan: choose one of the plans listed'),
      z.refine(
        (plan) => !isPlan(plan) || !PLAN_CATALOG[plan].deprecated,
        'This plan is deprecated and can no longer be chosen: pick a 2025 plan',
      ),
    ),
});

export type ChangePlanRequest = z.infer<typeof changePlanRequestSchema>;
