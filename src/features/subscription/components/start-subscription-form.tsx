import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { CLOUD_PLAN, MAX_INSTANCES, monthlyPriceCents } from '@/api/cloud-plans-catalog';
import { quantityFormSchema, toQuantity, type QuantityFormValues } from '@/api/cloud-plans-requests';
import { Button } from '@/components/ui/button';
import { FailureMessage, Field, TextInput } from '@/components/ui/field';
import { formattingLocale } from '@/lib/i18n';
import { formatMinor } from '@/lib/money';
import { richText } from '@/lib/rich-text';
import { usePaymentLink } from '../api/use-subscription-mutations';
import { openHostedPage } from '../hosted-page';
import { useSubscriptionMessages } from '../messages';
import { parseQuantity, unitPrice } from './format';
import { useFieldErrorText } from '@/components/ui/field-error-text';
import { readTabValue, writeTabValue } from '@/lib/tab-storage';

function lastQuantity(organizationId: string): string {
  const kept = readTabValue(`checkout-quantity.${organizationId}`);
  return typeof kept === 'string' ? kept : '1';
}

/** Starts a subscription: the quantity goes to the hosted checkout, where it is paid. */
export function StartSubscriptionForm({ organizationId }: { organizationId: string }) {
  const t = useSubscriptionMessages();
  const errorText = useFieldErrorText();
  const { register, handleSubmit, setError, control, formState } = useForm<QuantityFormValues>({
    resolver: zodResolver(quantityFormSchema),
    // The quantity sent to the checkout last, kept for the tab: a checkout canceled comes back to it.
    defaultValues: { quantity: lastQuantity(organizationId) },
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
        writeTabValue(`checkout-quantity.${organizationId}`, values.quantity);
        if (openHostedPage(link)) setLeaving(true);
        else setError('root.serverError', { type: 'server', message: t.unsafeLink() });
      },
      onError: (error) => {
        const field = error instanceof ApiError ? error.errors.find((item) => item.field === 'quantity') : undefined;
        if (field) setError('quantity', { type: 'server', message: field.message }, { shouldFocus: true });
        else setError('root.serverError', { type: 'server', message: error.message });
      },
    });
  });

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-label={t.startLabel()} className="mt-4 flex flex-col gap-4">
      {errors.root?.serverError && <FailureMessage error={mutation.error}>{t.notStarted({ message: errorText(errors.root.serverError.message ?? '') })}</FailureMessage>}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <Field
          label={t.instances()}
          // Grouped from five digits only ('1000', '10,000'), as a limit reads in a sentence.
          hint={t.startHint({ price: unitPrice(), max: new Intl.NumberFormat(formattingLocale(), { useGrouping: 'min2' }).format(MAX_INSTANCES) })}
          error={errors.quantity?.message}
          required
          className="sm:w-56"
        >
          {(props) => <TextInput {...props} {...register('quantity')} type="number" inputMode="numeric" min={1} max={MAX_INSTANCES} step={1} />}
        </Field>
        <div className="rounded-md bg-surface-muted p-3 text-sm sm:mt-7 sm:flex-1" aria-live="polite">
          {preview === null ? (
            <p className="text-ink-muted">{t.enterQuantity()}</p>
          ) : (
            <p className="text-ink">
              {richText(t.pricePreview({ count: preview, price: unitPrice(), total: formatMinor(monthlyPriceCents(preview), CLOUD_PLAN.currency) }), {
                strong: (chunk) => <strong className="tabular">{chunk}</strong>,
              })}
            </p>
          )}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={mutation.isPending || leaving}>
          {leaving ? t.openingCheckout() : t.continueToPayment()}
        </Button>
        <p className="text-sm text-ink-muted">{t.payOnCheckout()}</p>
      </div>
    </form>
  );
}
