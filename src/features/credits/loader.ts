import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { billingStatusQuery } from '@/api/queries';

/** Every role may read the billing status the page shows next to the form: prefetch it with the page's code. */
export function creditsLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(billingStatusQuery(params.organizationId ?? ''));
    return null;
  };
}
