import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { can } from '@/api/permissions';
import { currentCostQuery } from '@/api/queries';
import { getSession, roleIn } from '@/lib/session';

/** The billing cycles come from the renewal date in the current cost; viewers get an explanation instead. */
export function usageLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    const role = roleIn(getSession(), organizationId);
    if (role === null || can(role, 'billing:read')) void queryClient.prefetchQuery(currentCostQuery(organizationId));
    return null;
  };
}
