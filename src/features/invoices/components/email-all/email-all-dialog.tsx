import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { cloudPlansBillingQuery } from '@/api/page-queries';
import { billingInfoQuery } from '@/api/queries';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { richText } from '@/lib/rich-text';
import { useDownloadAllInvoices } from '@/features/invoices/api/use-download-all-invoices';
import { useEmailAllMessages } from './messages';
import { useFieldErrorText } from '@/components/ui/field-error-text';

const strong = (chunk: string) => <strong className="font-semibold text-ink">{chunk}</strong>;

/**
 * The confirmation of "Email all invoices" (organizationDownloadAllInvoices): the server mails a ZIP
 * of every invoice to the billing email. It names the address, read from the billing details, so that
 * nobody waits for a mail that goes elsewhere. Loaded with the first click on the button
 * (email-all-invoices.tsx), which keeps it open or closed.
 */
export function EmailAllDialog({
  organizationId,
  organizationName,
  invoiceCount,
  open,
  onClose,
}: {
  organizationId: string;
  organizationName: string | undefined;
  invoiceCount: number | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const t = useEmailAllMessages();
  const errorText = useFieldErrorText();
  const billing = useQuery(billingInfoQuery(organizationId));
  const mutation = useDownloadAllInvoices(organizationId);
  const email = billing.data?.email?.trim() || null;
  // Without a billing email the mail goes to the owner, whose address Cloud Plans' describe gives.
  const needsOwner = billing.isSuccess && !email;
  const owner = useQuery({ ...cloudPlansBillingQuery(organizationId), enabled: open && needsOwner, select: (answer) => answer.response.organization.owner.trim() || null });
  const ownerEmail = owner.data ?? null;
  const lookingUp = billing.isPending || (needsOwner && owner.isPending);
  // Where the mail goes: the billing email, the owner's, the owner unnamed, or an address that could not be read.
  const to = email ? 'billing' : billing.isError ? 'unknown' : ownerEmail ? 'owner' : 'nobody';
  const recipient = { to, email: email ?? ownerEmail ?? '' };

  const close = () => {
    if (mutation.isPending) return;
    onClose();
    mutation.reset();
  };

  const confirm = () => {
    mutation.mutate(undefined, {
      onSuccess: () => {
        onClose();
        toast.success(t.sent(recipient));
      },
    });
  };

  return (
    <ConfirmDialog
      open={open}
      title={t.title()}
      description={
        lookingUp
          ? t.lookingUp()
          : richText(
              t.description({
                ...recipient,
                scope: invoiceCount === undefined ? 'every' : 'all',
                count: invoiceCount ?? 0,
                named: organizationName ? 'yes' : 'no',
                organization: organizationName ?? '',
                error: errorText(billing.error?.message ?? ''),
              }),
              { strong },
            )
      }
      confirmLabel={t.confirm()}
      pending={mutation.isPending}
      // Until the billing email is known, nobody can tell where the mail goes.
      confirmDisabled={lookingUp}
      onConfirm={confirm}
      onCancel={close}
    >
      {billing.isSuccess && !email && (
        <p className="text-sm text-ink-muted">
          {richText(t.elsewhere(), {
            link: (chunk) => (
              <Link to="../billing-details" relative="path" className="font-medium text-link underline">
                {chunk}
              </Link>
            ),
          })}
        </p>
      )}
      {mutation.isError && <FailureMessage error={mutation.error}>{t.notSent({ message: errorText(mutation.error.message) })}</FailureMessage>}
    </ConfirmDialog>
  );
}
