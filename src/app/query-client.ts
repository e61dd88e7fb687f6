import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error';
import { requestIdOf } from '@/components/ui/request-reference';
import { toast } from '@/components/ui/toast';

function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/** 501: the backend does not offer this (e.g. Cloud Plans without CLOUDPLANS_API_URL); asking again will not change that. */
function isFinal(error: unknown): boolean {
  return isClientError(error) || (error instanceof ApiError && error.status === 501);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      // Only background refreshes of data already on screen toast here; first loads show their error in place.
      onError: (error, query) => {
        if (query.state.data !== undefined && !isClientError(error)) {
          // In the interface's words (the server's message is English), with the request's reference
          // for support to find it, as errors shown in place have it.
          toast.error((t) => t.refreshFailed({ reference: requestIdOf(error) ?? 'none' }));
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        // A 4xx or a 501 will not change by asking again; network and server errors get two more tries.
        retry: (failures, error) => !isFinal(error) && failures < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
