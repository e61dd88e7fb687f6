import type { Plan } from '@/api/contract';

/**
 * What each plan's card on the plan page lists. Apart from PLAN_CATALOG (src/api/plans.ts), which
 * the overview loads with the first page: this copy is the plan page's alone.
 */
export const PLAN_HIGHLIGHTS: Record<Plan, readonly string[]> = {
  USER_2025: ['1 seat', 'Runs on credits', 'Community support'],
  TEAM_2025: ['Up to 10 seats', '3 managed clusters', 'Email support'],
  BUSINESS_2025: ['Up to 50 seats', '10 managed clusters', 'SSO and audit logs', 'Priority support'],
  ENTERPRISE_2025: ['Unlimited seats', 'Unlimited clusters', 'Dedicated support and SLA'],
  TEAM: ['Previous generation'],
  TEAM_YEARLY: ['Previous generation, billed yearly'],
  ENTERPRISE: ['Previous generation'],
  ENTERPRISE_YEARLY: ['Previous generation, billed yearly'],
  FREE: ['Deprecated'],
  PROFESSIONAL: ['Deprecated'],
  BUSINESS: ['Deprecated'],
};
