import type { BillingHistoryEntry } from '@/api/cloud-plans';
import { CLOUD_PLAN } from '@/api/cloud-plans-catalog';
import { csvAmount, csvDate, csvDocument, type CsvSeparator } from '@/lib/csv';
import { decimalToMinor } from '@/lib/money';

const COLUMNS = ['date', 'due_date', 'status', 'currency', 'amount', 'description', 'id'] as const;

/**
 * The history as CSV, in the order shown, laid out like the invoice export: billing dates
 * (YYYY-MM-DD), the currency code and amounts in units. An amount that is not a decimal number stays as sent.
 */
export function historyCsv(entries: readonly BillingHistoryEntry[], separator: CsvSeparator = ','): string {
  const currency = CLOUD_PLAN.currency;
  return csvDocument(
    COLUMNS,
    entries.map((entry) => {
      const minor = decimalToMinor(entry.amount, currency);
      return [
        csvDate(entry.date),
        csvDate(entry.due_date),
        entry.status,
        currency,
        minor === null ? entry.amount : csvAmount(minor, currency, separator),
        entry.description ?? '',
        entry.id,
      ];
    }),
    separator,
  );
}
