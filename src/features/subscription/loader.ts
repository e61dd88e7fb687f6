import { cloudPlansBillingQuery, cloudPlansHistoryQuery } from '@/api/page-queries';
import { prefetchLoader } from '@/lib/prefetch-loader';

/** The subscription and its history. */
export const subscriptionLoader = prefetchLoader((prefetch, organizationId) => {
  void prefetch(cloudPlansBillingQuery(organizationId));
  void prefetch(cloudPlansHistoryQuery(organizationId));
});
