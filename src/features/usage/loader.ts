import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { currentCostQuery } from '@/api/queries';

/** The billing cycles come from the renewal date in the current cost (the route's permission keeps this from viewers). */
export function usageLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(currentCostQuery(params.organizationId ?? ''));
    return null;
  };
}
