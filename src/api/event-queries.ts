import { infiniteQueryOptions } from '@tanstack/react-query';
import { org } from './endpoints';
import { request } from './client';
import { organizationEventListSchema, pageToken, type OrganizationEventsQuery } from './organization-events';
import { queryKeys, type EventFilters } from './queries';

/**
 * getOrganizationEvents, the billing activity: its fetcher and query options, in a module of their
 * own so that the events' schemas load with the pages that show events, not with the first page.
 */

/** One page of events; only the parameters that are set are sent. */
export const getOrganizationEvents = (organizationId: string, query: OrganizationEventsQuery, signal?: AbortSignal) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return request(`${org(organizationId)}/events${search === '' ? '' : `?${search}`}`, organizationEventListSchema, { signal });
};

/** The activity, page after page (newest first): each next page from the token of links.next. */
export const eventPagesQuery = (organizationId: string, filters: EventFilters) =>
  infiniteQueryOptions({
    queryKey: queryKeys.eventPages(organizationId, filters),
    // The first page has no token: '' stands for none.
    queryFn: ({ signal, pageParam }) => getOrganizationEvents(organizationId, { ...filters, continueToken: pageParam === '' ? undefined : pageParam }, signal),
    initialPageParam: '',
    getNextPageParam: (page) => pageToken(page.links?.next, 'continueToken'),
    // Changes made elsewhere (another tab, a script, the gateway) show whenever the activity is opened again.
    staleTime: 0,
  });
