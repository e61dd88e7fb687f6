import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { cloudPlansBillingQuery, cloudPlansHistoryQuery } from '@/api/page-queries';

/** Starts the subscription and its history together (the route's permission keeps this from roles that may not read them). */
export function subscriptionLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    void queryClient.prefetchQuery(cloudPlansBillingQuery(organizationId));
    void queryClient.prefetchQuery(cloudPlansHistoryQuery(organizationId));
    return null;
  };
}
