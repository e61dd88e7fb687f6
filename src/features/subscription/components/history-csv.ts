import type { BillingHistoryEntry } from '@/api/cloud-plans';
import { CLOUD_PLAN } from '@/api/cloud-plans-catalog';
import { csvCell } from '@/lib/csv';

const COLUMNS = ['id', 'date', 'due_date', 'amount', 'currency', 'status', 'description'] as const;

/** The history as CSV (RFC 4180, CRLF), in the order shown, with a BOM so that spreadsheets read UTF-8. */
export function historyCsv(entries: readonly BillingHistoryEntry[]): string {
  const rows = entries.map((entry) =>
    [entry.id, entry.date, entry.due_date, entry.amount, CLOUD_PLAN.currency, entry.status, entry.description ?? ''].map(csvCell).join(','),
  );
  return `\uFEFF${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
