import type { Invoice, InvoiceStatus } from '@/api/contract';
import { sumByCurrency, type CurrencyTotal } from '@/lib/money';

/**
 * What finance counts as unpaid: a failed payment (NOT_PAID) and an invoice awaiting payment under its
 * terms (PAYMENT_DUE).
 */
export const UNPAID_STATUSES: readonly InvoiceStatus[] = ['NOT_PAID', 'PAYMENT_DUE'];

export function isUnpaid(status: InvoiceStatus): boolean {
  return status === 'NOT_PAID' || status === 'PAYMENT_DUE';
}

/** The sums a finance person reconciles against: money received, money due, money owed but not due yet. */
export const TOTAL_GROUPS = ['paid', 'outstanding', 'open'] as const;
export type TotalGroup = (typeof TOTAL_GROUPS)[number];

/**
 * Which sum an invoice adds to, or null when it adds to none. POSTED (the console's "Open": issued,
 * payment not due yet) is owed money, so it is neither left out nor folded into "outstanding", which
 * is what is due now and what makes billing invalid: it has a sum of its own. VOIDED is owed by
 * nobody, PENDING is a draft whose amount may still change, and UNKNOWN cannot be placed: those are
 * counted, never summed.
 */
export const TOTAL_GROUP_OF: Readonly<Record<InvoiceStatus, TotalGroup | null>> = {
  PAID: 'paid',
  NOT_PAID: 'outstanding',
  PAYMENT_DUE: 'outstanding',
  POSTED: 'open',
  PENDING: null,
  VOIDED: null,
  UNKNOWN: null,
};

export interface UncountedInvoices {
  status: InvoiceStatus;
  count: number;
}

export interface InvoiceTotals {
  /** Per currency (never across currencies), sorted by currency code; a group with no invoice is empty. */
  paid: CurrencyTotal[];
  outstanding: CurrencyTotal[];
  open: CurrencyTotal[];
  /** Invoices in no sum, per status, in the statuses' order; only statuses that occur. */
  notCounted: UncountedInvoices[];
}

/** The order "not counted" lists statuses in: the most common reason first. */
export const NOT_COUNTED_ORDER: readonly InvoiceStatus[] = ['VOIDED', 'PENDING', 'UNKNOWN'];

type Summed = Pick<Invoice, 'status' | 'currency_code' | 'total_in_cents'>;

const amountOf = (invoice: Summed) => ({ currency: invoice.currency_code, minor: invoice.total_in_cents });

/** The totals of some invoices (a selection, a list): each group per currency, and what is left out, counted. */
export function invoiceTotals(invoices: Iterable<Summed>): InvoiceTotals {
  const groups: Record<TotalGroup, Summed[]> = { paid: [], outstanding: [], open: [] };
  const uncounted = new Map<InvoiceStatus, number>();
  for (const invoice of invoices) {
    const group = TOTAL_GROUP_OF[invoice.status];
    if (group) groups[group].push(invoice);
    else uncounted.set(invoice.status, (uncounted.get(invoice.status) ?? 0) + 1);
  }
  return {
    paid: sumByCurrency(groups.paid, amountOf),
    outstanding: sumByCurrency(groups.outstanding, amountOf),
    open: sumByCurrency(groups.open, amountOf),
    notCounted: [...uncounted].map(([status, count]) => ({ status, count })).sort((a, b) => NOT_COUNTED_ORDER.indexOf(a.status) - NOT_COUNTED_ORDER.indexOf(b.status)),
  };
}

/** The unpaid invoices' amounts per currency: what the overview and the list's banner say is owed now. */
export function outstandingByCurrency(invoices: Iterable<Summed>): CurrencyTotal[] {
  return invoiceTotals(invoices).outstanding;
}
