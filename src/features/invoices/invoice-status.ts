import { INVOICE_STATUSES, type InvoiceStatus } from '@/api/contract';
import type { Tone } from '@/components/ui/badge';

interface StatusInfo {
  tone: Tone;
  /** A mark that tells statuses sharing a tone apart without relying on colour (hidden from screen readers: the label says it). */
  icon: string;
  /** Sort order of "Status": what needs attention first. */
  rank: number;
}

/**
 * How the console shows the seven InvoiceStatusEnum values. Their words (a label, and a sentence a
 * finance user can act on) are in the catalog (messages statusLabel and statusDescription), in
 * English the labels the sandbox's PDF prints (src/api/invoice-status-labels.ts).
 */
export const INVOICE_STATUS_INFO: Record<InvoiceStatus, StatusInfo> = {
  NOT_PAID: { tone: 'danger', icon: '✕', rank: 0 },
  PAYMENT_DUE: { tone: 'warning', icon: '!', rank: 1 },
  POSTED: { tone: 'info', icon: '→', rank: 2 },
  PENDING: { tone: 'info', icon: '…', rank: 3 },
  PAID: { tone: 'success', icon: '✓', rank: 4 },
  VOIDED: { tone: 'neutral', icon: '⊘', rank: 5 },
  UNKNOWN: { tone: 'neutral', icon: '?', rank: 6 },
};

/** The statuses in the order the filter lists them (by rank). */
export const STATUS_FILTER_ORDER: readonly InvoiceStatus[] = [...INVOICE_STATUSES].sort((a, b) => INVOICE_STATUS_INFO[a].rank - INVOICE_STATUS_INFO[b].rank);
