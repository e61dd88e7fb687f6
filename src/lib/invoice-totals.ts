import type { Invoice, InvoiceStatus } from '@/api/contract';

/**
 * What finance counts as unpaid: a failed payment (NOT_PAID) and an invoice awaiting payment under its
 * terms (PAYMENT_DUE). Kept here, tiny, because the overview banner and the invoice list both use it.
 */
export const UNPAID_STATUSES: readonly InvoiceStatus[] = ['NOT_PAID', 'PAYMENT_DUE'];

/** The invoice list filtered to unpaid invoices, relative to an organization's path (the overview links to it). */
export const UNPAID_INVOICES_FILTER = 'invoices?status=NOT_PAID%2CPAYMENT_DUE';

export function isUnpaid(status: InvoiceStatus): boolean {
  return status === 'NOT_PAID' || status === 'PAYMENT_DUE';
}

export interface CurrencyTotal {
  currency: string;
  count: number;
  cents: number;
}

/**
 * Sums per currency, in integer cents, never across currencies. Sorted by currency code so that the
 * order does not jump when the selection changes.
 */
export function totalsByCurrency(invoices: Iterable<Pick<Invoice, 'currency_code' | 'total_in_cents'>>): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const invoice of invoices) {
    const currency = invoice.currency_code.toUpperCase();
    const total = totals.get(currency);
    if (total) {
      total.count += 1;
      total.cents += invoice.total_in_cents;
    } else {
      totals.set(currency, { currency, count: 1, cents: invoice.total_in_cents });
    }
  }
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
