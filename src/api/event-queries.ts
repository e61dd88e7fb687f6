import { infiniteQueryOptions } from '@tanstack/react-query';
import { callOperation } from './client';
import { pageToken, type OrganizationEventsQuery } from './organization-events';
import { getOrganizationEvents } from './operation-events';
import { operationKey } from './queries';

/**
 * The billing activity's query options, from its row (getOrganizationEvents in operations.ts): paged,
 * so infinite, and in a module of their own so that only the pages that show events load them.
 */

/** The billing activity's filters: the query parameters of getOrganizationEvents except paging. */
export type EventFilters = Omit<OrganizationEventsQuery, 'continueToken' | 'stepBackToken'>;

/** One page of events, for a caller that reads every page itself (the CSV export); only the parameters that are set are sent. */
export const organizationEventsPage = (organizationId: string, query: OrganizationEventsQuery, signal?: AbortSignal) =>
  callOperation(getOrganizationEvents, { organizationId }, { signal, query });

/** The activity, page after page (newest first): each next page from the token of links.next. */
export const eventPagesQuery = (organizationId: string, filters: EventFilters) =>
  infiniteQueryOptions({
    // Under the row's path key, so that a change to the organization invalidates it with the rest.
    queryKey: [...operationKey(getOrganizationEvents, { organizationId }), 'pages', filters] as const,
    // The first page has no token: '' stands for none.
    queryFn: ({ signal, pageParam }) => organizationEventsPage(organizationId, { ...filters, continueToken: pageParam === '' ? undefined : pageParam }, signal),
    initialPageParam: '',
    getNextPageParam: (page) => pageToken(page.links?.next, 'continueToken'),
    // Changes made elsewhere (another tab, a script, the gateway) show whenever the activity is opened again.
    staleTime: 0,
  });
