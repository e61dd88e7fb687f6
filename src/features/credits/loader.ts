import { billingStatusQuery } from '@/api/queries';
import { prefetchLoader } from '@/lib/prefetch-loader';

/** Every role may read the billing status the page shows next to the form. */
export const creditsLoader = prefetchLoader((prefetch, organizationId) => {
  void prefetch(billingStatusQuery(organizationId));
});
