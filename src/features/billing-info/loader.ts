import { billingInfoQuery } from '@/api/queries';
import { prefetchLoader } from '@/lib/prefetch-loader';

/** The billing details. */
export const billingDetailsLoader = prefetchLoader((prefetch, organizationId) => {
  void prefetch(billingInfoQuery(organizationId));
});
