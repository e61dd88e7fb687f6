import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { billingInfoQuery } from '@/api/queries';

/** Prefetches the billing details (the route's permission keeps this from roles that may not read them). */
export function billingDetailsLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(billingInfoQuery(params.organizationId ?? ''));
    return null;
  };
}
