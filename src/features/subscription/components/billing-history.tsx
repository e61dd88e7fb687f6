import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { BillingHistoryEntry, BillingHistoryResponse } from '@/api/cloud-plans';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingBlock } from '@/components/ui/skeleton';
import { formatDate } from '@/lib/format';
import { displayAmount, displayDate } from './format';
import { saveFile } from '@/lib/save-file';
import { historyCsv } from './history-csv';

const SORT_KEYS = ['date', 'due_date', 'amount'] as const;
type SortKey = (typeof SORT_KEYS)[number];
type Order = 'asc' | 'desc';

const SORT_LABELS: Record<SortKey, string> = { date: 'Date', due_date: 'Due date', amount: 'Amount' };

function sortKeyOf(value: string | null): SortKey {
  return SORT_KEYS.find((key) => key === value) ?? 'date';
}

function compareBy(key: SortKey): (a: BillingHistoryEntry, b: BillingHistoryEntry) => number {
  if (key === 'amount') return (a, b) => (Number(a.amount) || 0) - (Number(b.amount) || 0);
  return (a, b) => (Date.parse(a[key]) || 0) - (Date.parse(b[key]) || 0);
}

function StatusBadge({ status }: { status: string }) {
  const normalized = status.toLowerCase();
  if (normalized === 'paid') return <Badge tone="success">Paid</Badge>;
  if (normalized === 'unpaid') return <Badge tone="warning">Unpaid</Badge>;
  return <Badge>{status}</Badge>;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'organization';
}

/** Payments of the subscription: sortable by date, due date and amount (kept in the URL), and exportable as CSV. */
export function BillingHistory({ query, organizationName }: { query: UseQueryResult<BillingHistoryResponse>; organizationName: string | undefined }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = sortKeyOf(searchParams.get('sort'));
  const order: Order = searchParams.get('order') === 'asc' ? 'asc' : 'desc';
  const entries = query.data?.billing_history;

  const sorted = useMemo(() => {
    if (!entries) return [];
    const compare = compareBy(key);
    return [...entries].sort((a, b) => (order === 'asc' ? compare(a, b) : compare(b, a)) || a.id.localeCompare(b.id));
  }, [entries, key, order]);

  const sortBy = (next: SortKey) => {
    const nextOrder: Order = next === key && order === 'desc' ? 'asc' : 'desc';
    setSearchParams(
      (params) => {
        const updated = new URLSearchParams(params);
        updated.set('sort', next);
        updated.set('order', nextOrder);
        return updated;
      },
      { replace: true },
    );
  };

  const exportCsv = () => {
    const today = new Date().toISOString().slice(0, 10);
    saveFile(new Blob([historyCsv(sorted)], { type: 'text/csv;charset=utf-8' }), `cloud-plans-history-${slug(organizationName ?? '')}-${today}.csv`);
  };

  const header = (column: SortKey, align: 'left' | 'right' = 'left') => (
    <th scope="col" aria-sort={key === column ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} className={cn('px-3 py-2 font-medium', align === 'right' && 'text-right')}>
      <button type="button" onClick={() => sortBy(column)} className="inline-flex items-center gap-1 rounded hover:text-ink">
        {SORT_LABELS[column]}
        <span aria-hidden="true" className="w-3 text-xs">
          {key === column ? (order === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );

  const unpaid = sorted.filter((entry) => entry.status.toLowerCase() === 'unpaid').length;

  return (
    <Card
      title="Billing history"
      className="mt-4"
      actions={
        <Button variant="secondary" size="sm" onClick={exportCsv} disabled={sorted.length === 0}>
          Export CSV
        </Button>
      }
    >
      {query.isPending ? (
        <LoadingBlock label="Loading the billing history" lines={4} />
      ) : query.isError ? (
        <ErrorState title="Could not load the billing history" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : sorted.length === 0 ? (
        <p className="text-sm text-ink-muted">No payments yet. They appear here once a subscription starts.</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-ink-muted">
            {sorted.length} {sorted.length === 1 ? 'entry' : 'entries'}
            {unpaid > 0 ? `, ${unpaid} unpaid` : ', all paid'}.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">
                Billing history, sorted by {SORT_LABELS[key].toLowerCase()}, {order === 'asc' ? 'ascending' : 'descending'}
              </caption>
              <thead className="border-b border-line text-left text-ink-muted">
                <tr>
                  {header('date')}
                  <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
                    Description
                  </th>
                  {header('due_date')}
                  {header('amount', 'right')}
                  <th scope="col" className="px-3 py-2 font-medium">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {sorted.map((entry) => (
                  <tr key={entry.id}>
                    <td className="whitespace-nowrap px-3 py-2 tabular text-ink">{displayDate(entry.date, formatDate)}</td>
                    <td className="hidden px-3 py-2 text-ink-muted md:table-cell">{entry.description ?? '—'}</td>
                    <td className="whitespace-nowrap px-3 py-2 tabular text-ink">{displayDate(entry.due_date, formatDate)}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-right tabular font-medium text-ink">{displayAmount(entry.amount)}</td>
                    <td className="px-3 py-2">
                      <StatusBadge status={entry.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
