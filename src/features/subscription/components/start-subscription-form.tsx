import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { CLOUD_PLAN, MAX_INSTANCES, monthlyPriceCents } from '@/api/cloud-plans-catalog';
import { quantityFormSchema, toQuantity, type QuantityFormValues } from '@/api/cloud-plans-requests';
import { Button } from '@/components/ui/button';
import { FailureMessage, Field, TextInput } from '@/components/ui/field';
import { formatMinor } from '@/lib/money';
import { usePaymentLink } from '../api/use-subscription-mutations';
import { openHostedPage, UNSAFE_LINK_MESSAGE } from '../hosted-page';
import { instances, parseQuantity, UNIT_PRICE } from './format';

/** Starts a subscription: the quantity goes to the hosted checkout, where it is paid. */
export function StartSubscriptionForm({ organizationId }: { organizationId: string }) {
  const { register, handleSubmit, setError, control, formState } = useForm<QuantityFormValues>({
    resolver: zodResolver(quantityFormSchema),
    defaultValues: { quantity: '1' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors } = formState;
  const mutation = usePaymentLink(organizationId);
  // Stays true while the browser leaves for the checkout page, so that the button cannot be pressed twice.
  const [leaving, setLeaving] = useState(false);
  const typed = parseQuantity(useWatch({ control, name: 'quantity' }) ?? '');
  const preview = typed !== null && typed <= MAX_INSTANCES ? typed : null;

  const onSubmit = handleSubmit((values) => {
    mutation.mutate(toQuantity(values.quantity), {
      onSuccess: (link) => {
        if (openHostedPage(link)) setLeaving(true);
        else setError('root.serverError', { type: 'server', message: UNSAFE_LINK_MESSAGE });
      },
      onError: (error) => {
        const field = error instanceof ApiError ? error.errors.find((item) => item.field === 'quantity') : undefined;
        if (field) setError('quantity', { type: 'server', message: field.message }, { shouldFocus: true });
        else setError('root.serverError', { type: 'server', message: error.message });
      },
    });
  });

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label="Start a subscription" className="mt-4 flex flex-col gap-4">
      {errors.root?.serverError && <FailureMessage error={mutation.error}>The subscription was not started: {errors.root.serverError.message}</FailureMessage>}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <Field label="Instances" hint={`${UNIT_PRICE} per instance per month, from 1 to ${MAX_INSTANCES}.`} error={errors.quantity?.message} required className="sm:w-56">
          {(props) => <TextInput {...props} {...register('quantity')} type="number" inputMode="numeric" min={1} max={MAX_INSTANCES} step={1} />}
        </Field>
        <div className="rounded-md bg-surface-muted p-3 text-sm sm:mt-7 sm:flex-1" aria-live="polite">
          {preview === null ? (
            <p className="text-ink-muted">Enter a number of instances to see the price.</p>
          ) : (
            <p className="text-ink">
              {instances(preview)} × {UNIT_PRICE} = <strong className="tabular">{formatMinor(monthlyPriceCents(preview), CLOUD_PLAN.currency)}</strong> per month
            </p>
          )}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={mutation.isPending || leaving}>
          {leaving ? 'Opening the checkout…' : 'Continue to payment'}
        </Button>
        <p className="text-sm text-ink-muted">You pay on the secure checkout page, then come back here.</p>
      </div>
    </form>
  );
}
