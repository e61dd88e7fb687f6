import { useState } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { saveFile } from '@/lib/save-file';
import { fetchInvoicePdf } from '../api/invoice-pdf';
import { shortId } from '../invoice-view';

/** A download that hangs (a stalled connection) gives up after this, so the button never spins forever. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

function failure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'the server took too long to answer. Try again.';
  return error instanceof Error ? error.message : 'something went wrong.';
}

/**
 * Downloads one invoice's PDF: shows progress while the link and the file load, saves the file under
 * the name the server gives it (its invoice number), and comes back to idle on error with the reason.
 */
export function DownloadPdfButton({ organizationId, invoiceId, children = 'Download PDF', ...props }: Omit<ButtonProps, 'onClick' | 'pending'> & {
  organizationId: string;
  invoiceId: string;
}) {
  const [pending, setPending] = useState(false);

  const download = async () => {
    setPending(true);
    try {
      const pdf = await fetchInvoicePdf(organizationId, invoiceId, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS));
      if (pdf.kind === 'file') {
        saveFile(pdf.blob, pdf.filename);
        toast.success(`Saved ${pdf.filename}`);
      } else {
        window.open(pdf.url, '_blank', 'noopener,noreferrer');
      }
    } catch (error) {
      toast.error(`Could not download invoice ${shortId(invoiceId)}: ${failure(error)}`);
    } finally {
      setPending(false);
    }
  };

  return (
    <Button {...props} pending={pending} onClick={() => void download()}>
      {children}
    </Button>
  );
}
