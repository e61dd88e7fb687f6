import type { Plan } from '@/api/contract';
import type { PlanMessages } from './messages';

/** A highlight's message in the plan page's catalog. */
export type PlanHighlight = Extract<keyof PlanMessages, `highlight${string}`>;

/**
 * What each plan's card on the plan page lists, as keys of the page's catalog. Apart from
 * PLAN_CATALOG (src/api/plans.ts), which the overview loads with the first page: this copy is the
 * plan page's alone.
 */
export const PLAN_HIGHLIGHTS: Record<Plan, readonly PlanHighlight[]> = {
  USER_2025: ['highlightOneSeat', 'highlightRunsOnCredits', 'highlightCommunitySupport'],
  TEAM_2025: ['highlightTenSeats', 'highlightThreeClusters', 'highlightEmailSupport'],
  BUSINESS_2025: ['highlightFiftySeats', 'highlightTenClusters', 'highlightSsoAuditLogs', 'highlightPrioritySupport'],
  ENTERPRISE_2025: ['highlightUnlimitedSeats', 'highlightUnlimitedClusters', 'highlightDedicatedSupport'],
  TEAM: ['highlightPreviousGeneration'],
  TEAM_YEARLY: ['highlightPreviousGenerationYearly'],
  ENTERPRISE: ['highlightPreviousGeneration'],
  ENTERPRISE_YEARLY: ['highlightPreviousGenerationYearly'],
  FREE: ['highlightDeprecated'],
  PROFESSIONAL: ['highlightDeprecated'],
  BUSINESS: ['highlightDeprecated'],
};
