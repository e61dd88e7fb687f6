import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { billingExternalIdQuery, billingStatusQuery, creditCardsQuery, currentCostQuery, invoicesQuery } from '@/api/queries';
import { mayUse } from '@/api/permissions';
import { getSession, roleIn } from '@/lib/session';

/**
 * Starts every request the overview needs at once and returns without waiting: each card shows its
 * own skeleton, then its data or its error. Data the role may not read is not requested. Imports
 * queries only: this module ships with the first page, the page's components do not.
 */
export function overviewLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    const role = roleIn(getSession(), organizationId);
    void queryClient.prefetchQuery(billingStatusQuery(organizationId));
    void queryClient.prefetchQuery(currentCostQuery(organizationId));
    if (mayUse(role, 'billing:read')) {
      void queryClient.prefetchQuery(billingExternalIdQuery(organizationId));
      // The billing health panel: cards for the renewal, invoices for their deadlines.
      void queryClient.prefetchQuery(creditCardsQuery(organizationId));
      void queryClient.prefetchQuery(invoicesQuery(organizationId));
    }
    return null;
  };
}
