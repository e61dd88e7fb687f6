import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { BillingHistoryEntry, BillingHistoryResponse } from '@/api/cloud-plans';
import { CLOUD_PLAN } from '@/api/cloud-plans-catalog';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { QueryState } from '@/components/query-state';
import { toast } from '@/components/ui/toast';
import { CsvExportButton } from '@/components/csv-export-button';
import type { CsvSeparator } from '@/lib/csv';
import { decimalToMinor } from '@/lib/money';
import { compareSorted, directionLabel, NATURAL_DIRECTION, nextSort, parseSort, writeSort, type SortDirection } from '@/lib/list-sort';
import { exportFilename, saveFile } from '@/lib/save-file';
import { useSubscriptionMessages } from '../messages';
import { displayAmount, displayDate } from './format';
import { historyCsv } from './history-csv';
import { ColumnHeader } from '@/components/ui/column-header';

const SORT_KEYS = ['date', 'due_date', 'amount', 'status'] as const;
type SortKey = (typeof SORT_KEYS)[number];
const DEFAULT_SORT: SortKey = 'date';
const DIRECTIONS: Record<SortKey, SortDirection> = { ...NATURAL_DIRECTION, due_date: 'desc' };

/** What needs attention first, as for invoices: unpaid, then paid, then anything else a backend sends. */
function statusRank(status: string): number {
  const normalized = status.toLowerCase();
  return normalized === 'unpaid' ? 0 : normalized === 'paid' ? 1 : 2;
}

function sortValue(entry: BillingHistoryEntry, key: SortKey): number {
  if (key === 'amount') return decimalToMinor(entry.amount, CLOUD_PLAN.currency) ?? 0;
  if (key === 'status') return statusRank(entry.status);
  return Date.parse(entry[key]) || 0;
}

function StatusBadge({ status }: { status: string }) {
  const t = useSubscriptionMessages();
  const normalized = status.toLowerCase();
  if (normalized === 'paid') return <Badge tone="success">{t.paid()}</Badge>;
  if (normalized === 'unpaid') return <Badge tone="warning">{t.unpaid()}</Badge>;
  return <Badge>{status}</Badge>;
}

/**
 * Payments of the subscription, sorted and exported the way invoices are: `sort` and `dir` in the URL,
 * each column in its natural direction first, ties newest first, and the same CSV layout and file name.
 */
export function BillingHistory({ query, organizationName }: { query: UseQueryResult<BillingHistoryResponse>; organizationName: string | undefined }) {
  const t = useSubscriptionMessages();
  const [searchParams, setSearchParams] = useSearchParams();
  const { sort: key, direction: order } = useMemo(() => parseSort(searchParams, SORT_KEYS, DIRECTIONS, DEFAULT_SORT), [searchParams]);
  const entries = query.data?.billing_history;

  const sorted = useMemo(() => {
    if (!entries) return [];
    const rows = entries.map((entry, position) => ({ entry, position, value: sortValue(entry, key), time: sortValue(entry, 'date') }));
    // The last resort is the order the API listed them in, never an id that means nothing to the reader.
    rows.sort((a, b) => compareSorted(order, a.value, b.value, a.time, b.time) || a.position - b.position);
    return rows.map((row) => row.entry);
  }, [entries, key, order]);

  const sortBy = (column: SortKey) => {
    setSearchParams(
      (params) => {
        const updated = new URLSearchParams(params);
        writeSort(updated, nextSort(parseSort(params, SORT_KEYS, DIRECTIONS, DEFAULT_SORT), column, DIRECTIONS), DIRECTIONS, DEFAULT_SORT);
        return updated;
      },
      { preventScrollReset: true },
    );
  };

  const exportCsv = (separator: CsvSeparator) => {
    const filename = exportFilename('cloud-plans-history', organizationName, 'csv');
    saveFile(new Blob([historyCsv(sorted, separator)], { type: 'text/csv;charset=utf-8' }), filename);
    toast.success(t.savedCsv({ filename, count: sorted.length }));
  };

  const header = (column: SortKey, className?: string) => (
    <th scope="col" aria-sort={key === column ? directionLabel(order) : 'none'} className={cn('px-2 py-2 sm:px-3 font-medium', className)}>
      <button type="button" onClick={() => sortBy(column)} className="inline-flex items-center gap-1 rounded hover:text-ink">
        {t.column({ column })}
        <span aria-hidden="true" className="w-3 text-xs">
          {key === column ? (order === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );

  const unpaid = sorted.filter((entry) => entry.status.toLowerCase() === 'unpaid').length;

  return (
    <Card
      title={t.historyTitle()}
      className="mt-4"
      actions={
        <CsvExportButton onExport={exportCsv} disabled={sorted.length === 0}>
          {t.exportCsv()}
        </CsvExportButton>
      }
    >
      <QueryState query={query} loading={t.loadingHistory()} lines={4} errorTitle={t.historyError()} inCard>
        {() =>
          sorted.length === 0 ? (
            <p className="text-sm text-ink-muted">{t.noPayments()}</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-ink-muted">{t.entriesSummary({ count: sorted.length, unpaid })}</p>
              <div className="overflow-x-auto">
                <table className="w-full text-sm">
                  <caption className="sr-only">{t.historyCaption({ column: key, direction: directionLabel(order) })}</caption>
                  <thead className="border-b border-line text-start text-ink-muted">
                    <tr>
                      {header('date')}
                      <ColumnHeader className="hidden px-2 py-2 sm:px-3 md:table-cell">{t.columnDescription()}</ColumnHeader>
                      {/* Below sm the due date folds under the date, so that amount and status stay on screen at 375 px. */}
                      {header('due_date', 'hidden sm:table-cell')}
                      {header('amount', 'text-end')}
                      {header('status')}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-line">
                    {sorted.map((entry) => (
                      <tr key={entry.id}>
                        <td className="whitespace-nowrap px-2 py-2 sm:px-3 tabular text-ink">
                          <time dateTime={entry.date}>{displayDate(entry.date, 'medium')}</time>
                          <span className="block text-xs text-ink-muted sm:hidden">{t.due({ date: displayDate(entry.due_date, 'medium') })}</span>
                          {/* Below md the description folds under the date too: it tells a prorated charge from a monthly one. */}
                          {entry.description && (
                            <span lang="en" dir="auto" className="block whitespace-normal text-xs text-ink-muted md:hidden">
                              {entry.description}
                            </span>
                          )}
                        </td>
                        {/* The API's description, in English (the contract's text): marked so, and laid out left to right in a right-to-left page. */}
                        <td lang={entry.description ? 'en' : undefined} dir="auto" className="hidden px-2 py-2 sm:px-3 text-ink-muted md:table-cell">
                          {entry.description ?? '—'}
                        </td>
                        <td className="hidden whitespace-nowrap px-2 py-2 sm:px-3 tabular text-ink sm:table-cell">{displayDate(entry.due_date, 'medium')}</td>
                        <td className="whitespace-nowrap px-2 py-2 sm:px-3 text-end tabular font-medium text-ink">{displayAmount(entry.amount)}</td>
                        <td className="px-2 py-2 sm:px-3">
                          <StatusBadge status={entry.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
