import { creditCardsQuery, currentCostQuery } from '@/api/queries';
import { prefetchLoader } from '@/lib/prefetch-loader';

/** The cards, and the renewal date they are checked against. */
export const paymentMethodsLoader = prefetchLoader((prefetch, organizationId) => {
  void prefetch(creditCardsQuery(organizationId));
  void prefetch(currentCostQuery(organizationId));
});
