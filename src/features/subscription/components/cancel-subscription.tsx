import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { CANCEL_REASON_MAX_LENGTH, cloudPlanName } from '@/api/cloud-plans-catalog';
import { cancelFormSchema, type CancelFormValues } from '@/api/cloud-plans-requests';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage, Field, TextArea } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { useCancelSubscription } from '../api/use-subscription-mutations';
import { instances } from './format';

/** Cancels after a confirmation that names what stops, with an optional reason that is sent and kept. */
export function CancelSubscription({
  organizationId,
  organizationName,
  quantity,
  plan,
  paidUntil,
}: {
  organizationId: string;
  organizationName: string;
  quantity: number | null;
  plan: string;
  /** payment_exp for people. */
  paidUntil: string;
}) {
  const [open, setOpen] = useState(false);
  const mutation = useCancelSubscription(organizationId);
  const { register, handleSubmit, control, formState } = useForm<CancelFormValues>({
    resolver: zodResolver(cancelFormSchema),
    defaultValues: { reason: '' },
  });
  const reason = useWatch({ control, name: 'reason' });
  const error = formState.errors.reason?.message;

  const confirm = handleSubmit((values) => {
    mutation.mutate(values.reason, {
      onSuccess: () => {
        toast.success('The subscription is canceled.');
        setOpen(false);
      },
    });
  });

  const what = quantity === null ? 'The instances' : `The ${instances(quantity)}`;
  return (
    <>
      <Button
        variant="danger"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        Cancel subscription
      </Button>
      <ConfirmDialog
        open={open}
        title="Cancel the subscription?"
        description={
          <>
            {what} of {organizationName} on the {cloudPlanName(plan)} plan stop now and are no longer billed. The period already paid, until {paidUntil}, is not refunded. You can
            start a new subscription later.
          </>
        }
        confirmLabel="Cancel subscription"
        cancelLabel="Keep the subscription"
        tone="danger"
        pending={mutation.isPending}
        onConfirm={() => void confirm()}
        onCancel={() => {
          if (!mutation.isPending) setOpen(false);
        }}
      >
        <Field label="Reason (optional)" hint={`${reason.length} / ${CANCEL_REASON_MAX_LENGTH} characters. It helps us improve.`} error={error}>
          {(props) => <TextArea {...props} {...register('reason')} maxLength={CANCEL_REASON_MAX_LENGTH} rows={3} />}
        </Field>
        {mutation.isError && (
          <FailureMessage className="mt-3" error={mutation.error}>
            The subscription was not canceled: {mutation.error.message}
          </FailureMessage>
        )}
      </ConfirmDialog>
    </>
  );
}
