import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';

/** Starts one of src/api's queries (QueryClient.prefetchQuery: it never throws). */
type Prefetch = QueryClient['prefetchQuery'];

/**
 * A route loader that starts the queries a page needs, for the organization in its path, all at
 * once and in parallel with the page's code, and returns without waiting: each part of the page
 * shows its own loading state, then its data or its error. The route's permission (its `handle`)
 * keeps it from roles that may not read them.
 */
export function prefetchLoader(start: (prefetch: Prefetch, organizationId: string, params: LoaderFunctionArgs['params']) => void) {
  return (queryClient: QueryClient) =>
    ({ params }: LoaderFunctionArgs) => {
      start((options) => queryClient.prefetchQuery(options), params.organizationId ?? '', params);
      return null;
    };
}
