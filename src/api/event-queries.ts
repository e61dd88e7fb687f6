import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { request } from './client';
import { operationUrl } from './operation';
import { pageToken, type OrganizationEventsQuery } from './organization-events';
import { getOrganizationEvents } from './operation-events';
import { operationKey } from './queries';

/**
 * The billing activity's query options, from its row (getOrganizationEvents in operations.ts): paged,
 * so infinite, and in a module of their own so that only the pages that show events load them.
 */

/** The query string of a call: only the parameters that are set, "" when none is. */
function searchOf(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (value !== '') params.set(name, String(value));
    }
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

/** How long a page of events is shown without asking again. */
const EVENTS_STALE_MS = 10_000;

/** The billing activity's filters: the query parameters of getOrganizationEvents except paging. */
export type EventFilters = Omit<OrganizationEventsQuery, 'continueToken' | 'stepBackToken'>;

/** One page of events, for a caller that reads every page itself (the CSV export); only the parameters that are set are sent. */
export const organizationEventsPage = (organizationId: string, query: OrganizationEventsQuery, signal?: AbortSignal) =>
  request(`${operationUrl(getOrganizationEvents, { organizationId })}${searchOf(query)}`, getOrganizationEvents.answer, { signal });

/** The activity, page after page (newest first): each next page from the token of links.next. */
export const eventPagesQuery = (organizationId: string, filters: EventFilters) =>
  infiniteQueryOptions({
    // Under the row's path key, so that a change to the organization invalidates it with the rest.
    queryKey: [...operationKey(getOrganizationEvents, { organizationId }), 'pages', filters] as const,
    // The first page has no token: '' stands for none.
    queryFn: ({ signal, pageParam }) => organizationEventsPage(organizationId, { ...filters, continueToken: pageParam === '' ? undefined : pageParam }, signal),
    initialPageParam: '',
    getNextPageParam: (page) => pageToken(page.links?.next, 'continueToken'),
    // Changes made elsewhere (another tab, a script, the gateway) show when the activity is opened again
    // (the console's own changes invalidate it at once). Not 0: the page would ask again for the page
    // its loader has just fetched.
    staleTime: EVENTS_STALE_MS,
  });

/** How many events the overview shows. */
export const RECENT_EVENTS = 3;

/** The overview's last events: one page, newest first, under the row's path key like the activity. */
export const recentEventsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: [...operationKey(getOrganizationEvents, { organizationId }), 'recent'] as const,
    queryFn: ({ signal }) => organizationEventsPage(organizationId, { pageSize: RECENT_EVENTS }, signal),
    staleTime: EVENTS_STALE_MS,
  });
