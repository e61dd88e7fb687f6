import { INVOICE_STATUSES, type InvoiceStatus } from '@/api/contract';
import { INVOICE_STATUS_LABELS } from '@/api/invoice-status-labels';
import type { Tone } from '@/components/ui/badge';

interface StatusInfo {
  label: string;
  tone: Tone;
  /** A mark that tells statuses sharing a tone apart without relying on colour (hidden from screen readers: the label says it). */
  icon: string;
  /** One sentence a finance user can act on (detail page, badge title). */
  description: string;
  /** Sort order of "Status": what needs attention first. */
  rank: number;
}

/**
 * How the console shows the seven InvoiceStatusEnum values. The labels are the ones the sandbox's PDF
 * prints too (src/api/invoice-status-labels.ts).
 */
export const INVOICE_STATUS_INFO: Record<InvoiceStatus, StatusInfo> = {
  NOT_PAID: {
    label: INVOICE_STATUS_LABELS.NOT_PAID,
    tone: 'danger',
    icon: '✕',
    rank: 0,
    description: 'The payment attempt failed. Check the payment method; billing becomes invalid after 7 days unpaid.',
  },
  PAYMENT_DUE: { label: INVOICE_STATUS_LABELS.PAYMENT_DUE, tone: 'warning', icon: '!', rank: 1, description: 'Issued and awaiting payment under its payment terms.' },
  POSTED: { label: INVOICE_STATUS_LABELS.POSTED, tone: 'info', icon: '→', rank: 2, description: 'Issued; payment is not due yet.' },
  PENDING: { label: INVOICE_STATUS_LABELS.PENDING, tone: 'info', icon: '…', rank: 3, description: 'Not final yet: charges may still be added before it is issued.' },
  PAID: { label: INVOICE_STATUS_LABELS.PAID, tone: 'success', icon: '✓', rank: 4, description: 'Paid in full.' },
  VOIDED: { label: INVOICE_STATUS_LABELS.VOIDED, tone: 'neutral', icon: '⊘', rank: 5, description: 'Cancelled: nothing is owed on it.' },
  UNKNOWN: { label: INVOICE_STATUS_LABELS.UNKNOWN, tone: 'neutral', icon: '?', rank: 6, description: 'The billing provider did not report a status for this invoice.' },
};

/** The statuses in the order the filter lists them (by rank). */
export const STATUS_FILTER_ORDER: readonly InvoiceStatus[] = [...INVOICE_STATUSES].sort((a, b) => INVOICE_STATUS_INFO[a].rank - INVOICE_STATUS_INFO[b].rank);
