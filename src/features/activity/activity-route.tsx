import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrganizationEvent } from '@/api/organization-events';
import { eventPagesQuery, organizationEventsPage } from '@/api/event-queries';
import { pageToken } from '@/api/organization-events';
import { CsvExportButton } from '@/components/csv-export-button';
import { EventItem } from '@/components/event-item';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import type { CsvSeparator } from '@/lib/csv';
import { plural } from '@/lib/plural';
import { exportFilename, saveFile } from '@/lib/save-file';
import { useCurrentOrganization } from '@/lib/use-organization';
import { ActivityFiltersForm } from './components/activity-filters-form';
import { eventsCsv } from './event-csv';
import { ACTIVITY_PAGE_SIZE } from './page-size';
import { toEventFilters, useActivityFilters } from './use-activity-filters';

/** The largest page the contract's sandbox serves: an export reads the filtered events in as few requests as it can. */
const EXPORT_PAGE_SIZE = 100;

export function Component() {
  const { organizationId, organization } = useCurrentOrganization();
  const { filters, setFilters } = useActivityFilters();
  const query = toEventFilters(filters, ACTIVITY_PAGE_SIZE);
  // A role that may not read it never gets here: its route's permission (router.tsx) shows the no-access page.
  const pages = useInfiniteQuery(eventPagesQuery(organizationId, query));
  const [exporting, setExporting] = useState(false);
  const [now] = useState(() => new Date());
  const title = 'Activity';

  const header = (
    <PageHeader
      title={title}
      description="Who changed the organization's billing, what, when and from where."
      documentTitle={organization ? `${title} · ${organization.name}` : title}
    />
  );
  const events = pages.data?.pages.flatMap((page) => page.events ?? []) ?? [];
  const limitReached = pages.data?.pages.at(-1)?.organization_max_limit_reached === true && !pages.hasNextPage;
  const retention = organization?.organization_plan?.audit_logs_retention_in_days;

  const exportCsv = async (separator: CsvSeparator) => {
    setExporting(true);
    try {
      const all: OrganizationEvent[] = [];
      let continueToken: string | undefined;
      do {
        const page = await organizationEventsPage(organizationId, { ...toEventFilters(filters, EXPORT_PAGE_SIZE), continueToken });
        all.push(...(page.events ?? []));
        continueToken = pageToken(page.links?.next, 'continueToken');
      } while (continueToken !== undefined);
      const filename = exportFilename('billing-activity', organization?.name, 'csv', { now });
      saveFile(new Blob([eventsCsv(all, separator)], { type: 'text/csv;charset=utf-8' }), filename);
      toast.success(`Saved ${filename} with ${plural(all.length, 'event', 'events')}`);
    } catch (error) {
      toast.error(error instanceof Error ? `Could not export the activity: ${error.message}` : 'Could not export the activity');
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      {header}
      <Card title="Filters">
        <ActivityFiltersForm key={JSON.stringify(filters)} filters={filters} onApply={setFilters} />
      </Card>
      <Card
        title="Billing events"
        className="mt-4"
        actions={
          <CsvExportButton onExport={(separator) => void exportCsv(separator)} disabled={events.length === 0 || exporting}>
            {exporting ? 'Exporting…' : 'Export CSV'}
          </CsvExportButton>
        }
      >
        {pages.isPending ? (
          <LoadingBlock label="Loading the activity" lines={4} />
        ) : pages.isError ? (
          <ErrorState title="Could not load the activity" error={pages.error} onRetry={() => void pages.refetch()} retrying={pages.isFetching} />
        ) : events.length === 0 ? (
          <p className="text-sm text-ink-muted">
            {Object.values(filters).some(Boolean)
              ? 'No billing events match these filters.'
              : 'No billing changes yet. Changes to the plan, cards, credit codes and billing details appear here.'}
          </p>
        ) : (
          <>
            <p className="sr-only" aria-live="polite">
              {plural(events.length, 'event', 'events')} shown
            </p>
            <ol aria-label="Billing events, newest first" className="divide-y divide-line">
              {events.map((event, index) => (
                <EventItem key={event.id ?? `${event.timestamp}-${index}`} event={event} now={now} />
              ))}
            </ol>
            {pages.hasNextPage && (
              <Button variant="secondary" size="sm" className="mt-3" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
                {pages.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            )}
            {pages.isFetchNextPageError && <p className="mt-2 text-sm text-danger-ink">Could not load more events. Try again.</p>}
            {limitReached && (
              <p className="mt-3 text-sm text-ink-muted">
                {retention ? `Older events are beyond the ${retention} days your plan keeps.` : 'Older events are beyond what your plan keeps.'}
              </p>
            )}
          </>
        )}
      </Card>
    </>
  );
}

export { activityLoader } from './loader';
