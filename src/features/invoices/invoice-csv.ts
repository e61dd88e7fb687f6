import type { Invoice } from '@/api/contract';
import { invoiceReference } from '@/api/invoice-reference';
import { csvAmount, csvDate, csvDocument, type CsvSeparator } from '@/lib/csv';
import { englishMessage, type InvoicesMessages } from './messages';

export const CSV_COLUMNS = ['reference', 'date', 'status', 'status_label', 'currency', 'amount', 'invoice_id'] as const;

/**
 * One row per invoice, in the order given (the view's): its reference as the list and the PDF show it,
 * its billing date (YYYY-MM-DD, the date on the PDF), its status as the API names it and as the list
 * does, the currency as the totals show it and the amount in units with that currency's digits. The
 * header and the status labels are in the language of `t`.
 */
export function invoicesToCsv(
  invoices: readonly Invoice[],
  separator: CsvSeparator = ',',
  t: Pick<InvoicesMessages, 'csvColumn' | 'statusLabel'> = { csvColumn: englishMessage('csvColumn'), statusLabel: englishMessage('statusLabel') },
): string {
  return csvDocument(
    CSV_COLUMNS.map((column) => t.csvColumn({ column })),
    invoices.map((invoice) => {
      const currency = invoice.currency_code.toUpperCase();
      return [
        invoiceReference(invoice.id),
        csvDate(invoice.created_at),
        invoice.status,
        t.statusLabel({ status: invoice.status }),
        currency,
        csvAmount(invoice.total_in_cents, currency, separator),
        invoice.id,
      ];
    }),
    separator,
  );
}
