import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { can } from '@/api/permissions';
import { billingExternalIdQuery, billingStatusQuery, currentCostQuery } from '@/api/queries';
import { getSession, roleIn } from '@/lib/session';
import { prefetchPaymentMethodWarning } from './components/payment-method-warning';
import { prefetchUnpaidInvoicesBanner } from './components/unpaid-invoices-banner';

/**
 * Starts every request the overview needs at once and returns without waiting: each card shows its
 * own skeleton, then its data or its error. Data the role may not read is not requested.
 */
export function overviewLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    const role = roleIn(getSession(), organizationId);
    void queryClient.prefetchQuery(billingStatusQuery(organizationId));
    void queryClient.prefetchQuery(currentCostQuery(organizationId));
    if (role === null || can(role, 'billing:read')) void queryClient.prefetchQuery(billingExternalIdQuery(organizationId));
    prefetchPaymentMethodWarning(queryClient, organizationId, role);
    prefetchUnpaidInvoicesBanner(queryClient, organizationId, role);
    return null;
  };
}
