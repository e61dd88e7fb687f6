import type { Invoice } from '@/api/contract';
import { csvCell } from '@/lib/csv';
import { INVOICE_STATUS_INFO } from './invoice-status';
import { shortId } from './invoice-view';

export const CSV_COLUMNS = ['invoice_id', 'short_id', 'created_at', 'status', 'status_label', 'currency', 'amount_cents', 'amount'] as const;

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
  const rows = invoices.map((invoice) =>
    [
      invoice.id,
      shortId(invoice.id),
      isoInstant(invoice.created_at),
      invoice.status,
      INVOICE_STATUS_INFO[invoice.status].label,
      invoice.currency_code,
      invoice.total_in_cents,
      centsToUnits(invoice.total_in_cents),
    ]
      .map(csvCell)
      .join(','),
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
