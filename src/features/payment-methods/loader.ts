import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { can } from '@/api/permissions';
import { creditCardsQuery, currentCostQuery } from '@/api/queries';
import { getSession, roleIn } from '@/lib/session';

/** Prefetches the cards and the renewal date in parallel, unless the role may not read them (the page then explains why). */
export function paymentMethodsLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    const role = roleIn(getSession(), organizationId);
    if (role === null || can(role, 'billing:read')) {
      void queryClient.prefetchQuery(creditCardsQuery(organizationId));
      void queryClient.prefetchQuery(currentCostQuery(organizationId));
    }
    return null;
  };
}
