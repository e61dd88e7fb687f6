import type { Invoice } from '@/api/contract';
import { INVOICE_STATUS_INFO } from './invoice-status';
import { shortId } from './invoice-view';

export const CSV_COLUMNS = ['invoice_id', 'short_id', 'created_at', 'status', 'status_label', 'currency', 'amount_cents', 'amount'] as const;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula: text
 * from the server is prefixed with an apostrophe so that it stays text (OWASP CSV injection).
 */
export function defuseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Amounts are written by us from integer cents, so their minus sign is a number's, not a formula's. */
export function centsToUnits(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

function isoInstant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** One row per invoice, in the order given (the view's), with ISO 8601 UTC dates and amounts in cents and units. */
export function invoicesToCsv(invoices: readonly Invoice[]): string {
  const text = (value: string) => quoteCell(defuseCell(value));
  const rows = invoices.map((invoice) =>
    [
      text(invoice.id),
      text(shortId(invoice.id)),
      text(isoInstant(invoice.created_at)),
      text(invoice.status),
      text(INVOICE_STATUS_INFO[invoice.status].label),
      text(invoice.currency_code),
      String(invoice.total_in_cents),
      centsToUnits(invoice.total_in_cents),
    ].join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** e.g. invoices-acme-corp-2025-06-01.csv; the date is the user's local day. */
export function exportFilename(organizationName: string | undefined, extension: string, now: Date = new Date()): string {
  const slug = (organizationName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `invoices${slug ? `-${slug}` : ''}-${day}.${extension}`;
}
