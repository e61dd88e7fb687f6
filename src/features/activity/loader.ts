import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { eventPagesQuery } from '@/api/event-queries';
import { can } from '@/api/permissions';
import { getSession, roleIn } from '@/lib/session';
import { ACTIVITY_PAGE_SIZE } from './page-size';
import { readActivityFilters, toEventFilters } from './use-activity-filters';

/** The first page of the filtered activity, for roles that may read it; viewers get an explanation instead. */
export function activityLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    const role = roleIn(getSession(), organizationId);
    if (role === null || can(role, 'billing:read')) {
      const filters = toEventFilters(readActivityFilters(new URL(request.url).searchParams), ACTIVITY_PAGE_SIZE);
      void queryClient.prefetchInfiniteQuery(eventPagesQuery(organizationId, filters));
    }
    return null;
  };
}
