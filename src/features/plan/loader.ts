import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { currentCostQuery } from '@/api/queries';

/** The plan comes with the organization list the layout loads; the current cost adds its renewal. */
export function planLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(currentCostQuery(params.organizationId ?? ''));
    return null;
  };
}
