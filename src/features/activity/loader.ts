import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { eventPagesQuery } from '@/api/event-queries';
import { ACTIVITY_PAGE_SIZE } from './page-size';
import { readActivityFilters, toEventFilters } from './use-activity-filters';

/** The first page of the filtered activity; the route's permission (router.tsx) keeps viewers from getting here. */
export function activityLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const filters = toEventFilters(readActivityFilters(new URL(request.url).searchParams), ACTIVITY_PAGE_SIZE);
    void queryClient.prefetchInfiniteQuery(eventPagesQuery(params.organizationId ?? '', filters));
    return null;
  };
}
