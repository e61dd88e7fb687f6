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
}

/**
 * The sandbox's documented price list (README, "Sandbox prices"). A plan priced 0 runs on credits:
 * its billing is valid while credit is left.
 */
export const PLAN_CATALOG: Record<Plan, PlanInfo> = {
  USER_2025: {
    id: 'USER_2025',
    name: 'User',
    priceInCents: 0,
    currency: 'USD',
    period: 'month',
    deprecated: false,
    generation: '2025',
    auditLogsRetentionInDays: 7,
  },
  TEAM_2025: {
    id: 'TEAM_2025',
    name: 'Team',
    priceInCents: 29_900,
    currency: 'USD',
    period: 'month',
    deprecated: false,
    generation: '2025',
    auditLogsRetentionInDays: 30,
  },
  BUSINESS_2025: {
    id: 'BUSINESS_2025',
    name: 'Business',
    priceInCents: 89_900,
    currency: 'USD',
    period: 'month',
    deprecated: false,
    generation: '2025',
    auditLogsRetentionInDays: 90,
  },
  ENTERPRISE_2025: {
    id: 'ENTERPRISE_2025',
    name: 'Enterprise',
    priceInCents: 249_900,
    currency: 'USD',
    period: 'month',
    deprecated: false,
    generation: '2025',
    auditLogsRetentionInDays: 365,
  },
  TEAM: {
    id: 'TEAM',
    name: 'Team (2023)',
    priceInCents: 19_900,
    currency: 'USD',
    period: 'month',
    deprecated: false,
    generation: 'legacy',
    auditLogsRetentionInDays: 30,
  },
  TEAM_YEARLY: {
    id: 'TEAM_YEARLY',
    name: 'Team yearly (2023)',
    priceInCents: 199_000,
    currency: 'USD',
    period: 'year',
    deprecated: false,
    generation: 'legacy',
    auditLogsRetentionInDays: 30,
  },
  ENTERPRISE: {
    id: 'ENTERPRISE',
    name: 'Enterprise (2023)',
    priceInCents: 99_900,
    currency: 'USD',
    period: 'month',
    deprecated: false,
    generation: 'legacy',
    auditLogsRetentionInDays: 365,
  },
  ENTERPRISE_YEARLY: {
    id: 'ENTERPRISE_YEARLY',
    name: 'Enterprise yearly (2023)',
    priceInCents: 999_000,
    currency: 'USD',
    period: 'year',
    deprecated: false,
    generation: 'legacy',
    auditLogsRetentionInDays: 365,
  },
  FREE: {
    id: 'FREE',
    name: 'Free (legacy)',
    priceInCents: 0,
    currency: 'USD',
    period: 'month',
    deprecated: true,
    generation: 'legacy',
    auditLogsRetentionInDays: 7,
  },
  PROFESSIONAL: {
    id: 'PROFESSIONAL',
    name: 'Professional (legacy)',
    priceInCents: 4_900,
    currency: 'USD',
    period: 'month',
    deprecated: true,
    generation: 'legacy',
    auditLogsRetentionInDays: 14,
  },
  BUSINESS: {
    id: 'BUSINESS',
    name: 'Business (legacy)',
    priceInCents: 39_900,
    currency: 'USD',
    period: 'month',
    deprecated: true,
    generation: 'legacy',
    auditLogsRetentionInDays: 30,
  },
};

const planSet = new Set<string>(PLANS);

export function isPlan(value: string): value is Plan {
  return planSet.has(value);
}

export function planName(plan: string): string {
  return isPlan(plan) ? PLAN_CATALOG[plan].name : plan;
}
