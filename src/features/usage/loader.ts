import { currentCostQuery } from '@/api/queries';
import { prefetchLoader } from '@/lib/prefetch-loader';

/** The billing cycles come from the renewal date in the current cost. */
export const usageLoader = prefetchLoader((prefetch, organizationId) => {
  void prefetch(currentCostQuery(organizationId));
});
