import { invoiceReference } from '@/api/invoice-reference';
import { toast } from '@/components/ui/toast';
import { saveFile } from '@/lib/save-file';
import type { InvoicesMessages } from '../messages';
import { fetchInvoicePdf, pdfErrorText } from './invoice-pdf';

/** A download that hangs (a stalled connection) gives up after this, so the button never spins forever. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * The PDF downloads in flight, by organization and invoice. They live here, not in the button: the
 * list's rows are virtualized, so a row that scrolls out and back (or moves with a new sort) gets a new
 * button, which must still show the spinner, and a second click must not start a second download.
 */
const inFlight = new Set<string>();
const listeners = new Set<() => void>();

function keyOf(organizationId: string, invoiceId: string): string {
  return `${organizationId}/${invoiceId}`;
}

function changed(): void {
  for (const listener of listeners) listener();
}

export function subscribePdfDownloads(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isPdfDownloading(organizationId: string, invoiceId: string): boolean {
  return inFlight.has(keyOf(organizationId, invoiceId));
}

function failure(error: unknown, t: InvoicesMessages, say: (message: string) => string): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return t.pdfTimeout();
  return pdfErrorText(error, t, say);
}

/**
 * Downloads one invoice's PDF, unless it is already downloading: saves the file under the name the
 * server gives it (the invoice's reference), or opens a provider's https link, and says why on error,
 * in the words of `t` and `say` (the language of the page that asked).
 */
export async function downloadInvoicePdf(organizationId: string, invoiceId: string, t: InvoicesMessages, say: (message: string) => string): Promise<void> {
  const key = keyOf(organizationId, invoiceId);
  if (inFlight.has(key)) return;
  inFlight.add(key);
  changed();
  try {
    const pdf = await fetchInvoicePdf(organizationId, invoiceId, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS));
    if (pdf.kind === 'file') {
      saveFile(pdf.blob, pdf.filename);
      toast.success(t.pdfSaved({ filename: pdf.filename }));
    } else {
      window.open(pdf.url, '_blank', 'noopener,noreferrer');
    }
  } catch (error) {
    toast.error(t.pdfFailed({ reference: invoiceReference(invoiceId), reason: failure(error, t, say) }));
  } finally {
    inFlight.delete(key);
    changed();
  }
}
