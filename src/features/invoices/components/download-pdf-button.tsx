import { useSyncExternalStore } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { downloadInvoicePdf, isPdfDownloading, subscribePdfDownloads } from '../api/pdf-downloads';

/**
 * Downloads one invoice's PDF: shows progress while the link and the file load, and comes back to
 * idle on error with the reason. The download's state is the invoice's, not the button's.
 */
export function DownloadPdfButton({
  organizationId,
  invoiceId,
  children = 'Download PDF',
  ...props
}: Omit<ButtonProps, 'onClick' | 'pending'> & {
  organizationId: string;
  invoiceId: string;
}) {
  const pending = useSyncExternalStore(subscribePdfDownloads, () => isPdfDownloading(organizationId, invoiceId));

  return (
    <Button {...props} pending={pending} onClick={() => void downloadInvoicePdf(organizationId, invoiceId)}>
      {children}
    </Button>
  );
}
