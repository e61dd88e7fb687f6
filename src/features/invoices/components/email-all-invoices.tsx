import { lazy, Suspense, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { useInvoicesMessages } from '../messages';

// The dialog, its reads (the billing email, the owner's) and its words load with the first click.
const EmailAllDialog = lazy(() => import('./email-all/email-all-dialog').then((module) => ({ default: module.EmailAllDialog })));

/**
 * "Email all invoices" (organizationDownloadAllInvoices): the button, and the confirmation it opens.
 * Until the dialog's code is there the button shows that it is on its way.
 */
export function EmailAllInvoices({
  organizationId,
  organizationName,
  invoiceCount,
}: {
  organizationId: string;
  organizationName: string | undefined;
  invoiceCount: number | undefined;
}) {
  const t = useInvoicesMessages();
  const [open, setOpen] = useState(false);
  const [loading, startLoading] = useTransition();
  // Mounted from the first click on, so that closing it is the native dialog's close (focus back on the button).
  const [used, setUsed] = useState(false);

  return (
    <>
      <Button
        variant="secondary"
        pending={loading}
        onClick={() =>
          startLoading(() => {
            setUsed(true);
            setOpen(true);
          })
        }
      >
        {t.emailAll()}
      </Button>
      {/* Mounted empty before the first click, so that the transition keeps the page as it is while the dialog's code loads. */}
      <Suspense>
        {used && <EmailAllDialog organizationId={organizationId} organizationName={organizationName} invoiceCount={invoiceCount} open={open} onClose={() => setOpen(false)} />}
      </Suspense>
    </>
  );
}
