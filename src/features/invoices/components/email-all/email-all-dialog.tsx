import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { cloudPlansBillingQuery } from '@/api/page-queries';
import { billingInfoQuery } from '@/api/queries';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { useDownloadAllInvoices } from '../api/use-download-all-invoices';
import { countLabel } from '../invoice-view';

/**
 * "Email all invoices" (organizationDownloadAllInvoices): the server mails a ZIP of every invoice to
 * the billing email. The confirmation names the address, read from the billing details, so that
 * nobody waits for a mail that goes elsewhere.
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
  const [open, setOpen] = useState(false);
  const billing = useQuery(billingInfoQuery(organizationId));
  const mutation = useDownloadAllInvoices(organizationId);
  const email = billing.data?.email?.trim() || null;
  // Without a billing email the mail goes to the owner, whose address Cloud Plans' describe gives.
  const needsOwner = billing.isSuccess && !email;
  const owner = useQuery({ ...cloudPlansBillingQuery(organizationId), enabled: open && needsOwner, select: (answer) => answer.response.organization.owner.trim() || null });
  const ownerEmail = owner.data ?? null;
  const lookingUp = billing.isPending || (needsOwner && owner.isPending);
  const recipient = email ?? (billing.isError ? 'the billing email on file' : (ownerEmail ?? 'the organization owner'));

  const close = () => {
    if (mutation.isPending) return;
    setOpen(false);
    mutation.reset();
  };

  const confirm = () => {
    mutation.mutate(undefined, {
      onSuccess: () => {
        setOpen(false);
        toast.success(`Request received: the invoices are being emailed to ${recipient}. The mail usually arrives within a few minutes.`);
      },
    });
  };

  const what = invoiceCount === undefined ? 'every invoice' : `all ${countLabel(invoiceCount, 'invoice', 'invoices')}`;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Email all invoices
      </Button>
      <ConfirmDialog
        open={open}
        title="Email all invoices?"
        description={
          lookingUp ? (
            'Looking up the billing email…'
          ) : (
            <>
              A ZIP of {what}
              {organizationName ? ` of ${organizationName}` : ''} will be emailed to{' '}
              {billing.isError ? `the billing email on file (it could not be shown: ${billing.error.message})` : <strong className="font-semibold text-ink">{recipient}</strong>}
              {billing.isError
                ? '.'
                : email
                  ? ', the billing email.'
                  : ownerEmail
                    ? ', the organization owner’s email, because no billing email is set.'
                    : ', because no billing email is set.'}
            </>
          )
        }
        confirmLabel="Email the invoices"
        pending={mutation.isPending}
        // Until the billing email is known, nobody can tell where the mail goes.
        confirmDisabled={lookingUp}
        onConfirm={confirm}
        onCancel={close}
      >
        {billing.isSuccess && !email && (
          <p className="text-sm text-ink-muted">
            To send invoices elsewhere, set a billing email in{' '}
            <Link to="../billing-details" relative="path" className="font-medium text-link underline">
              billing details
            </Link>{' '}
            first.
          </p>
        )}
        {mutation.isError && <FailureMessage>The request was not sent: {mutation.error.message}</FailureMessage>}
      </ConfirmDialog>
    </>
  );
}
