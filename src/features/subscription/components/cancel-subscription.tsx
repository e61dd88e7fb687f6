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
import { useSubscriptionMessages } from '../messages';
import { useFieldErrorText } from '@/components/ui/field-error-text';

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
  const t = useSubscriptionMessages();
  const errorText = useFieldErrorText();
  const [open, setOpen] = useState(false);
  const mutation = useCancelSubscription(organizationId);
  const { register, handleSubmit, control, formState } = useForm<CancelFormValues>({
    resolver: zodResolver(cancelFormSchema),
    defaultValues: { reason: '' },
  });
  const reason = useWatch({ control, name: 'reason' });
  const error = formState.errors.reason?.message;

  const confirm = handleSubmit(async (values) => {
    // Awaited rather than mutate(…, { onSuccess }): the subscription reloads before that would run and,
    // canceled, no longer has this button, and TanStack Query skips a removed component's callbacks.
    try {
      await mutation.mutateAsync(values.reason);
    } catch {
      return; // The dialog says why (mutation.error) and keeps the reason.
    }
    toast.success(t.canceled());
    setOpen(false);
  });

  return (
    <>
      <Button
        variant="danger"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        {t.cancelSubscription()}
      </Button>
      <ConfirmDialog
        open={open}
        title={t.cancelDialogTitle()}
        description={t.cancelDescription({
          known: quantity === null ? 'no' : 'yes',
          count: quantity ?? 0,
          organization: organizationName,
          plan: cloudPlanName(plan),
          date: paidUntil,
        })}
        confirmLabel={t.cancelSubscription()}
        cancelLabel={t.keepSubscription()}
        tone="danger"
        pending={mutation.isPending}
        onConfirm={() => void confirm()}
        onCancel={() => {
          if (!mutation.isPending) setOpen(false);
        }}
      >
        <Field label={t.reason()} hint={t.reasonHint({ length: reason.length, max: CANCEL_REASON_MAX_LENGTH })} error={error}>
          {(props) => <TextArea {...props} {...register('reason')} maxLength={CANCEL_REASON_MAX_LENGTH} rows={3} />}
        </Field>
        {mutation.isError && (
          <FailureMessage className="mt-3" error={mutation.error}>
            {t.notCanceled({ message: errorText(mutation.error.message) })}
          </FailureMessage>
        )}
      </ConfirmDialog>
    </>
  );
}
