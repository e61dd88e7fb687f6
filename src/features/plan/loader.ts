import { billingStatusQuery, currentCostQuery } from '@/api/queries';
import { prefetchLoader } from '@/lib/prefetch-loader';

/**
 * The plan comes with the organization list the layout loads; the current cost adds its renewal and
 * trial, the billing status whether credit is left: what the change dialog needs to say what a switch does.
 */
export const planLoader = prefetchLoader((prefetch, organizationId) => {
  void prefetch(currentCostQuery(organizationId));
  void prefetch(billingStatusQuery(organizationId));
});
