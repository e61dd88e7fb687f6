import { useSyncExternalStore } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { useFieldErrorText } from '@/components/ui/field-error-text';
import { downloadInvoicePdf, isPdfDownloading, subscribePdfDownloads } from '../api/pdf-downloads';
import { useInvoicesMessages } from '../messages';

/**
 * Downloads one invoice's PDF: shows progress while the link and the file load, and comes back to
 * idle on error with the reason. The download's state is the invoice's, not the button's.
 */
export function DownloadPdfButton({
  organizationId,
  invoiceId,
  children,
  ...props
}: Omit<ButtonProps, 'onClick' | 'pending'> & {
  organizationId: string;
  invoiceId: string;
}) {
  const t = useInvoicesMessages();
  const errorText = useFieldErrorText();
  const pending = useSyncExternalStore(subscribePdfDownloads, () => isPdfDownloading(organizationId, invoiceId));

  return (
    <Button {...props} pending={pending} onClick={() => void downloadInvoicePdf(organizationId, invoiceId, t, errorText)}>
      {children ?? t.downloadPdf()}
    </Button>
  );
}
