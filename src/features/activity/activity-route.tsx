import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrganizationEvent } from '@/api/organization-events';
import { eventPagesQuery, organizationEventsPage } from '@/api/event-queries';
import { pageToken } from '@/api/organization-events';
import { CsvExportButton } from '@/components/csv-export-button';
import { EventItem } from '@/components/event-item';
import { useEventMessages } from '@/components/events/messages';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { usePlanName } from '@/components/ui/plan-name';
import { LoadingBlock } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import type { CsvSeparator } from '@/lib/csv';
import { exportFilename, saveFile } from '@/lib/save-file';
import { useCurrentOrganization } from '@/lib/use-organization';
import { ActivityFiltersForm } from './components/activity-filters-form';
import { eventsCsv } from './event-csv';
import { useActivityMessages } from './messages';
import { ACTIVITY_PAGE_SIZE } from './page-size';
import { toEventFilters, useActivityFilters } from './use-activity-filters';
import { useFieldErrorText } from '@/components/ui/field-error-text';

/** The largest page the contract's sandbox serves: an export reads the filtered events in as few requests as it can. */
const EXPORT_PAGE_SIZE = 100;

export function Component() {
  const t = useActivityMessages();
  const errorText = useFieldErrorText();
  const eventMessages = useEventMessages();
  const planName = usePlanName();
  const { organizationId, organization } = useCurrentOrganization();
  const { filters, setFilters } = useActivityFilters();
  const query = toEventFilters(filters, ACTIVITY_PAGE_SIZE);
  // A role that may not read it never gets here: its route's permission (router.tsx) shows the no-access page.
  const pages = useInfiniteQuery(eventPagesQuery(organizationId, query));
  const [exporting, setExporting] = useState(false);
  const [now] = useState(() => new Date());
  const title = t.title();

  const header = <PageHeader title={title} description={t.description()} documentTitle={organization ? t.documentTitle({ organization: organization.name }) : title} />;
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
      const filename = exportFilename(t.csvFilePrefix(), organization?.name, 'csv', { now });
      saveFile(new Blob([eventsCsv(all, { t: eventMessages, planName, columns: t }, separator)], { type: 'text/csv;charset=utf-8' }), filename);
      toast.success(t.exportSaved({ filename, count: all.length }));
    } catch (error) {
      toast.error(error instanceof Error ? t.exportFailedWith({ message: errorText(error.message) }) : t.exportFailed());
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      {header}
      <Card title={t.filters()}>
        <ActivityFiltersForm key={JSON.stringify(filters)} filters={filters} onApply={setFilters} />
      </Card>
      <Card
        title={t.billingEvents()}
        className="mt-4"
        actions={
          <CsvExportButton onExport={(separator) => void exportCsv(separator)} disabled={events.length === 0 || exporting}>
            {exporting ? t.exporting() : t.exportCsv()}
          </CsvExportButton>
        }
      >
        {pages.isPending ? (
          <LoadingBlock label={t.loading()} lines={4} />
        ) : pages.isError ? (
          <ErrorState title={t.loadError()} error={pages.error} onRetry={() => void pages.refetch()} retrying={pages.isFetching} />
        ) : events.length === 0 ? (
          <p className="text-sm text-ink-muted">{Object.values(filters).some(Boolean) ? t.noMatch() : t.noEvents()}</p>
        ) : (
          <>
            <p className="sr-only" aria-live="polite">
              {t.shown({ count: events.length })}
            </p>
            <ol aria-label={t.listLabel()} className="divide-y divide-line">
              {events.map((event, index) => (
                <EventItem key={event.id ?? `${event.timestamp}-${index}`} event={event} now={now} />
              ))}
            </ol>
            {pages.hasNextPage && (
              <Button variant="secondary" size="sm" className="mt-3" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
                {pages.isFetchingNextPage ? t.loadingMore() : t.loadMore()}
              </Button>
            )}
            {pages.isFetchNextPageError && <p className="mt-2 text-sm text-danger-ink">{t.loadMoreError()}</p>}
            {limitReached && <p className="mt-3 text-sm text-ink-muted">{retention ? t.olderBeyondDays({ days: retention }) : t.olderBeyond()}</p>}
          </>
        )}
      </Card>
    </>
  );
}

export { activityLoader } from './loader';
