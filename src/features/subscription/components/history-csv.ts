import type { BillingHistoryEntry } from '@/api/cloud-plans';
import { CLOUD_PLAN } from '@/api/cloud-plans-catalog';

const COLUMNS = ['id', 'date', 'due_date', 'amount', 'currency', 'status', 'description'] as const;

/** Quotes when needed, and defuses text a spreadsheet would run as a formula (=, +, -, @ first). */
export function csvCell(value: string): string {
  const numeric = /^-?\d+(\.\d+)?$/.test(value);
  const text = !numeric && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The history as CSV (RFC 4180, CRLF), in the order shown, with a BOM so that spreadsheets read UTF-8. */
export function historyCsv(entries: readonly BillingHistoryEntry[]): string {
  const rows = entries.map((entry) =>
    [entry.id, entry.date, entry.due_date, entry.amount, CLOUD_PLAN.currency, entry.status, entry.description ?? ''].map(csvCell).join(','),
  );
  return `\uFEFF${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Saves text as a file through a temporary object URL (no server round trip, nothing kept). */
export function downloadFile(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
