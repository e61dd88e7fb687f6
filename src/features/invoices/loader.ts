import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { can } from '@/api/permissions';
import { billingInfoQuery, invoiceQuery, invoicesQuery } from '@/api/queries';
import { getSession, roleIn } from '@/lib/session';

function mayRead(organizationId: string): boolean {
  const role = roleIn(getSession(), organizationId);
  return role === null || can(role, 'billing:read');
}

/**
 * Starts the page's requests in parallel with its code; returns at once (the page shows its own loading
 * state). The billing email is for the "Email all invoices" confirmation. Nothing is requested for a
 * role that may not read invoices: the page explains instead.
 */
export function invoicesLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    if (mayRead(organizationId)) {
      void queryClient.prefetchQuery(invoicesQuery(organizationId));
      void queryClient.prefetchQuery(billingInfoQuery(organizationId));
    }
    return null;
  };
}

export function invoiceDetailLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    if (mayRead(organizationId)) void queryClient.prefetchQuery(invoiceQuery(organizationId, params.invoiceId ?? ''));
    return null;
  };
}
