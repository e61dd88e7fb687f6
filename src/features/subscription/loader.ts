import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { can } from '@/api/permissions';
import { cloudPlansBillingQuery, cloudPlansHistoryQuery } from '@/api/queries';
import { getSession, roleIn } from '@/lib/session';

/** Starts the subscription and its history together, unless the role may not read them (the page then explains why). */
export function subscriptionLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    const role = roleIn(getSession(), organizationId);
    if (role === null || can(role, 'subscription:read')) {
      void queryClient.prefetchQuery(cloudPlansBillingQuery(organizationId));
      void queryClient.prefetchQuery(cloudPlansHistoryQuery(organizationId));
    }
    return null;
  };
}
