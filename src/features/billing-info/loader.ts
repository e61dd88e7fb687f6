import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { can } from '@/api/permissions';
import { billingInfoQuery } from '@/api/queries';
import { getSession, roleIn } from '@/lib/session';

/** Prefetches the billing details, unless the role may not read them (the page then explains why). */
export function billingDetailsLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    const role = roleIn(getSession(), organizationId);
    if (role === null || can(role, 'billing:read')) void queryClient.prefetchQuery(billingInfoQuery(organizationId));
    return null;
  };
}
