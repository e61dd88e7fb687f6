import type { Invoice } from '@/api/contract';
import { centsToUnits, csvDocument, isoInstant } from '@/lib/csv';
import { INVOICE_STATUS_INFO } from './invoice-status';
import { shortId } from './invoice-view';

export const CSV_COLUMNS = ['invoice_id', 'short_id', 'created_at', 'status', 'status_label', 'currency', 'amount_cents', 'amount'] as const;

/** One row per invoice, in the order given (the view's), with ISO 8601 UTC dates, the currency as the totals show it, and amounts in cents and units. */
export function invoicesToCsv(invoices: readonly Invoice[]): string {
  return csvDocument(
    CSV_COLUMNS,
    invoices.map((invoice) => [
      invoice.id,
      shortId(invoice.id),
      isoInstant(invoice.created_at),
      invoice.status,
      INVOICE_STATUS_INFO[invoice.status].label,
      invoice.currency_code.toUpperCase(),
      invoice.total_in_cents,
      centsToUnits(invoice.total_in_cents),
    ]),
  );
}
