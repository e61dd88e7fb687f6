import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { Invoice } from '@/api/contract';
import { invoicesQuery } from '@/api/queries';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { isForbidden, QueryState } from '@/components/query-state';
import { toast } from '@/components/ui/toast';
import { CsvExportButton } from '@/components/csv-export-button';
import type { CsvSeparator } from '@/lib/csv';
import { outstandingByCurrency, UNPAID_STATUSES } from '@/lib/invoice-totals';
import { exportFilename, saveFile } from '@/lib/save-file';
import { useCurrentOrganization } from '@/lib/use-organization';
import { EmailAllInvoices } from './components/email-all-invoices';
import { InvoiceFiltersForm } from './components/invoice-filters';
import { InvoiceTable } from './components/invoice-table';
import { currencyTotalsText, InvoiceTotalsSummary } from './components/invoice-totals-summary';
import { ZipDownload } from './components/zip-download';
import { invoicesToCsv } from './invoice-csv';
import { rangeError } from './invoice-periods';
import { DEFAULT_FILTERS, formatCount, indexInvoices, nextSort, prepareInBackground, selectView, type SortKey } from './invoice-view';
import { useInvoicesMessages } from './messages';
import { useBillingToday } from './use-billing-today';
import { useInvoiceFilters } from './use-invoice-filters';
import { whenIdle } from '@/lib/when-idle';
import { useInvoiceSelection } from './use-invoice-selection';

const SEARCH_DEBOUNCE_MS = 300;
/** The search index is built when the page is idle after its first rows, 2 s at most (200 ms where the browser cannot tell). */
const SEARCH_INDEX_DELAY = { timeout: 2000, fallback: 200 };
const NO_INVOICES: readonly Invoice[] = [];

function isUnpaidFilter(statuses: readonly string[]): boolean {
  return statuses.length === UNPAID_STATUSES.length && UNPAID_STATUSES.every((status) => statuses.includes(status));
}

function InvoiceBrowser({ organizationId, organizationName, invoices }: { organizationId: string; organizationName: string | undefined; invoices: readonly Invoice[] }) {
  const t = useInvoicesMessages();
  const { filters, update } = useInvoiceFilters();
  const location = useLocation();
  const now = useBillingToday();

  // The search box answers every keystroke; the URL follows once typing pauses.
  const [queryText, setQueryText] = useState(filters.query);
  const [urlQuery, setUrlQuery] = useState(filters.query);
  if (filters.query !== urlQuery) {
    // The URL changed from elsewhere (Back, a link, "Clear filters"): the box shows it.
    setUrlQuery(filters.query);
    setQueryText(filters.query);
  }
  useEffect(() => {
    if (queryText === filters.query) return;
    // Typing refines a search in the same history entry; starting one adds an entry, so that Back returns to the view before it.
    const timer = window.setTimeout(() => update({ query: queryText }, { replace: filters.query !== '' }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [queryText, filters.query, update]);
  const deferredQuery = useDeferredValue(queryText);

  const index = useMemo(() => indexInvoices(invoices), [invoices]);
  // The search's text and the other sort orders are computed when the browser is idle after the
  // first rows are shown, so that neither the first paint nor the first click or keystroke waits for them.
  useEffect(() => prepareInBackground(index, (work) => whenIdle(work, SEARCH_INDEX_DELAY)), [index]);
  const viewFilters = useMemo(() => ({ ...filters, query: deferredQuery }), [filters, deferredQuery]);
  const { invoices: view, totals } = useMemo(() => selectView(index, viewFilters, now), [index, viewFilters, now]);
  const unpaid = useMemo(() => outstandingByCurrency(invoices), [invoices]);
  const unpaidCount = unpaid.reduce((sum, total) => sum + total.count, 0);

  // Buttons that disappear once used ("Show unpaid invoices", "Clear selection", "Clear filters") hand
  // the keyboard focus to something that stays, instead of letting it fall to <body>.
  const statusRef = useRef<HTMLParagraphElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const { selected, selectedInView, selectedTotals, selectedHidden, onSelect, onSelectAll, unselectHidden, clear } = useInvoiceSelection(organizationId, invoices, view);
  const focusStatusThen = (action: () => void) => () => {
    statusRef.current?.focus();
    action();
  };

  const clearFilters = () => {
    searchRef.current?.focus();
    setQueryText('');
    update({ ...DEFAULT_FILTERS, sort: filters.sort, direction: filters.direction });
  };
  const showUnpaid = () => {
    statusRef.current?.focus();
    setQueryText('');
    update({ statuses: [...UNPAID_STATUSES], period: null, from: null, to: null, query: '' });
  };
  // The CSV, like the ZIP, holds the selected invoices when some are selected in view, else the view;
  // its file name says which when it is not every invoice.
  const exported = selectedInView.length > 0 ? selectedInView : view;
  const fileQualifier =
    selectedInView.length > 0 ? t.zipQualifier({ count: exported.length }) : exported.length < invoices.length ? t.filteredQualifier({ count: exported.length }) : undefined;
  const exportCsv = (separator: CsvSeparator) => {
    const rows = exported;
    const filename = exportFilename(t.fileName(), organizationName, 'csv', { qualifier: fileQualifier });
    saveFile(new Blob([invoicesToCsv(rows, separator, t)], { type: 'text/csv;charset=utf-8' }), filename);
    toast.success(t.savedFile({ filename, count: rows.length }));
  };

  const zipIds = useMemo(() => exported.map((invoice) => invoice.id), [exported]);
  const zipLabel = selectedInView.length > 0 ? t.zipSelected({ count: selectedInView.length }) : t.zipInView({ count: view.length });

  if (invoices.length === 0) {
    return (
      <Card>
        <h2 className="text-base font-semibold text-ink">{t.noInvoices()}</h2>
        <p className="mt-1 text-sm text-ink-muted">{t.noInvoicesHint()}</p>
      </Card>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {unpaidCount > 0 && (
        <Alert
          tone="warning"
          title={t.unpaidTitle({ count: unpaidCount, amounts: currencyTotalsText(unpaid) })}
          action={
            isUnpaidFilter(filters.statuses) ? null : (
              <Button variant="secondary" size="sm" onClick={showUnpaid}>
                {t.showUnpaid()}
              </Button>
            )
          }
        >
          {t.unpaidWarning()}
        </Alert>
      )}

      <InvoiceFiltersForm searchRef={searchRef} filters={filters} queryText={queryText} onQueryText={setQueryText} update={update} onClear={clearFilters} now={now} />

      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-2 text-sm">
          <p ref={statusRef} role="status" tabIndex={-1} className="font-medium text-ink">
            {t.showing({
              scope: view.length === invoices.length ? 'all' : 'some',
              shown: formatCount(view.length),
              total: invoices.length,
              selection: selectedHidden > 0 ? 'hidden' : selectedInView.length > 0 ? 'some' : 'none',
              selected: selectedInView.length,
              hidden: selectedHidden,
            })}
          </p>
          {view.length > 0 && <InvoiceTotalsSummary title={t.inView()} totals={totals} />}
          {selectedInView.length > 0 && <InvoiceTotalsSummary title={t.selectedTotals({ count: formatCount(selectedInView.length) })} totals={selectedTotals} />}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {selectedHidden > 0 && (
            <Button variant="ghost" size="sm" onClick={focusStatusThen(unselectHidden)}>
              {t.unselectHidden({ count: formatCount(selectedHidden) })}
            </Button>
          )}
          {selected.size > 0 && (
            <Button variant="ghost" size="sm" onClick={focusStatusThen(clear)}>
              {t.clearSelection()}
            </Button>
          )}
          <CsvExportButton onExport={exportCsv} disabled={view.length === 0}>
            {selectedInView.length > 0 ? t.exportCsvSelected({ count: selectedInView.length }) : t.exportCsv({ count: formatCount(view.length) })}
          </CsvExportButton>
          <ZipDownload organizationId={organizationId} organizationName={organizationName} invoiceIds={zipIds} qualifier={fileQualifier} label={zipLabel} />
        </div>
      </div>

      {view.length === 0 ? (
        <Card>
          <h2 className="text-base font-semibold text-ink">{t.noMatch()}</h2>
          <p className="mt-1 text-sm text-ink-muted">{rangeError(filters) ? t.rangeHint() : t.noMatchHint()}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={clearFilters}>
            {t.clearFilters()}
          </Button>
        </Card>
      ) : (
        <InvoiceTable
          organizationId={organizationId}
          invoices={view}
          filters={filters}
          onSort={(key: SortKey) => update(nextSort(filters, key))}
          selected={selected}
          onSelect={onSelect}
          onSelectAll={onSelectAll}
          linkState={{ listSearch: location.search }}
        />
      )}
    </div>
  );
}

export function Component() {
  const t = useInvoicesMessages();
  const { organizationId, organization } = useCurrentOrganization();
  const list = useQuery(invoicesQuery(organizationId));

  return (
    <>
      <PageHeader
        title={t.title()}
        description={t.description()}
        documentTitle={organization ? t.documentTitle({ organization: organization.name }) : t.title()}
        actions={
          isForbidden(list.error) ? undefined : <EmailAllInvoices organizationId={organizationId} organizationName={organization?.name} invoiceCount={list.data?.results?.length} />
        }
      />
      <QueryState query={list} loading={t.loading()} lines={6} skeletonInCard errorTitle={t.loadError()}>
        {(data) => <InvoiceBrowser key={organizationId} organizationId={organizationId} organizationName={organization?.name} invoices={data.results ?? NO_INVOICES} />}
      </QueryState>
    </>
  );
}
