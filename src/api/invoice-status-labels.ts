import type { InvoiceStatus } from './contract';

/**
 * The words for the seven InvoiceStatusEnum values, shared by the console (badges, filters, CSV) and
 * the sandbox's PDF, so that a PDF never names a status differently from the list it was downloaded
 * from. The contract's names follow the billing provider's (Chargebee-like) lifecycle: POSTED is
 * issued and not yet due, PENDING is a draft still being finalized.
 */
export const INVOICE_STATUS_LABELS: Readonly<Record<InvoiceStatus, string>> = {
  NOT_PAID: 'Payment failed',
  PAYMENT_DUE: 'Payment due',
  POSTED: 'Open',
  PENDING: 'Pending',
  PAID: 'Paid',
  VOIDED: 'Void',
  UNKNOWN: 'Unknown',
};
