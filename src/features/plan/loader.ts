import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { billingStatusQuery, currentCostQuery } from '@/api/queries';

/**
 * The plan comes with the organization list the layout loads; the current cost adds its renewal and
 * trial, the billing status whether credit is left: what the change dialog needs to say what a switch does.
 */
export function planLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    void queryClient.prefetchQuery(currentCostQuery(organizationId));
    void queryClient.prefetchQuery(billingStatusQuery(organizationId));
    return null;
  };
}
