import type { Invoice } from '@/api/contract';
import { invoiceReference } from '@/api/invoice-reference';
import { csvAmount, csvDate, csvDocument, type CsvSeparator } from '@/lib/csv';
import { INVOICE_STATUS_INFO } from './invoice-status';

export const CSV_COLUMNS = ['reference', 'date', 'status', 'status_label', 'currency', 'amount', 'invoice_id'] as const;

/**
 * One row per invoice, in the order given (the view's): its reference as the list and the PDF show it,
 * its billing date (YYYY-MM-DD, the date on the PDF), the currency as the totals show it and the
 * amount in units with that currency's digits.
 */
export function invoicesToCsv(invoices: readonly Invoice[], separator: CsvSeparator = ','): string {
  return csvDocument(
    CSV_COLUMNS,
    invoices.map((invoice) => {
      const currency = invoice.currency_code.toUpperCase();
      return [
        invoiceReference(invoice.id),
        csvDate(invoice.created_at),
        invoice.status,
        INVOICE_STATUS_INFO[invoice.status].label,
        currency,
        csvAmount(invoice.total_in_cents, currency, separator),
        invoice.id,
      ];
    }),
    separator,
  );
}
