import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { creditCardsQuery, currentCostQuery } from '@/api/queries';

/** Prefetches the cards and the renewal date in parallel (the route's permission keeps this from roles that may not read them). */
export function paymentMethodsLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    void queryClient.prefetchQuery(creditCardsQuery(organizationId));
    void queryClient.prefetchQuery(currentCostQuery(organizationId));
    return null;
  };
}
