import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { billingInfoQuery, invoiceQuery, invoicesQuery } from '@/api/queries';

/**
 * Starts the page's requests in parallel with its code; returns at once (the page shows its own loading
 * state). The billing email is for the "Email all invoices" confirmation. The route's permission keeps
 * these from roles that may not read invoices.
 */
export function invoicesLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    void queryClient.prefetchQuery(invoicesQuery(organizationId));
    void queryClient.prefetchQuery(billingInfoQuery(organizationId));
    return null;
  };
}

export function invoiceDetailLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(invoiceQuery(params.organizationId ?? '', params.invoiceId ?? ''));
    return null;
  };
}
