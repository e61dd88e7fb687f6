import type { BillingHistoryEntry } from '@/api/cloud-plans';
import { CLOUD_PLAN } from '@/api/cloud-plans-catalog';
import { centsToUnits, csvDocument, isoInstant, unitsToCents } from '@/lib/csv';

const COLUMNS = ['id', 'date', 'due_date', 'status', 'currency', 'amount_cents', 'amount', 'description'] as const;

/**
 * The history as CSV, in the order shown, laid out like the invoice export: ISO 8601 UTC dates, the
 * currency code, amounts in cents and in units. An amount that is not a decimal number stays as sent.
 */
export function historyCsv(entries: readonly BillingHistoryEntry[]): string {
  return csvDocument(
    COLUMNS,
    entries.map((entry) => {
      const cents = unitsToCents(entry.amount);
      return [entry.id, isoInstant(entry.date), isoInstant(entry.due_date), entry.status, CLOUD_PLAN.currency, cents ?? '', cents === null ? entry.amount : centsToUnits(cents), entry.description ?? ''];
    }),
  );
}
