import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { CLOUD_PLAN, MAX_INSTANCES, monthlyPriceCents } from '@/api/cloud-plans-catalog';
import { prorationCents } from '@/api/proration';
import { quantityFormSchema, toQuantity, type QuantityFormValues } from '@/api/cloud-plans-requests';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage, Field, TextInput } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { useFocusRequest } from '@/components/ui/use-focus-request';
import { addBillingMonths } from '@/lib/billing-calendar';
import { formatCents } from '@/lib/format';
import { useUpdateSubscription } from '../api/use-subscription-mutations';
import { displayDate, instances, UNIT_PRICE } from './format';

const money = (cents: number) => formatCents(cents, CLOUD_PLAN.currency);

function ChangeSummary({ from, to, paymentExp }: { from: number; to: number; paymentExp: string }) {
  const added = to - from;
  const paidUntil = Date.parse(paymentExp);
  const chargeToday = added > 0 && !Number.isNaN(paidUntil) ? prorationCents(added, { start: addBillingMonths(paidUntil, -1), end: new Date(paidUntil) }, new Date()) : null;
  return (
    <>
      <table className="w-full text-sm">
        <caption className="sr-only">The subscription now and after the change</caption>
        <thead>
          <tr className="text-left text-ink-muted">
            <td />
            <th scope="col" className="pb-1 font-medium">Now</th>
            <th scope="col" className="pb-1 font-medium">After</th>
          </tr>
        </thead>
        <tbody className="tabular">
          <tr>
            <th scope="row" className="py-1 text-left font-medium text-ink-muted">Instances</th>
            <td>{from}</td>
            <td className="font-semibold">{to}</td>
          </tr>
          <tr>
            <th scope="row" className="py-1 text-left font-medium text-ink-muted">Monthly price</th>
            <td>{money(monthlyPriceCents(from))}</td>
            <td className="font-semibold">{money(monthlyPriceCents(to))}</td>
          </tr>
        </tbody>
      </table>
      <p className="mt-3 text-sm text-ink-muted">
        {added > 0
          ? chargeToday !== null
            ? `${money(chargeToday)} is charged today for the ${instances(added)} added until ${displayDate(paymentExp)} (prorated).`
            : `The ${instances(added)} added are charged today for the rest of the current period (prorated).`
          : 'The lower price applies from the next renewal; the current period is not refunded.'}
      </p>
    </>
  );
}

/** Changes the number of instances, after showing the old and new quantity and price. */
export function ChangeQuantityForm({ organizationId, current, paymentExp }: { organizationId: string; current: number; paymentExp: string }) {
  const { register, handleSubmit, setError, reset, formState } = useForm<QuantityFormValues>({
    resolver: zodResolver(quantityFormSchema),
    // Follows the subscription when it changes elsewhere, keeping what the user is typing. (Remounting
    // the form on a new quantity instead would drop the keyboard focus to <body> after every change.)
    values: { quantity: String(current) },
    resetOptions: { keepDirtyValues: true },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors } = formState;
  const mutation = useUpdateSubscription(organizationId);
  const [proposed, setProposed] = useState<number | null>(null);
  // After a change the focus goes back to the field, ready for the next one.
  const quantityField = useFocusRequest<HTMLInputElement>();
  const quantityRegistration = register('quantity');

  const onSubmit = handleSubmit((values) => {
    const quantity = toQuantity(values.quantity);
    if (quantity === current) {
      setError('quantity', { type: 'validate', message: `The subscription already has ${instances(current)}` }, { shouldFocus: true });
      return;
    }
    mutation.reset();
    setProposed(quantity);
  });

  const confirm = () => {
    if (proposed === null) return;
    mutation.mutate(proposed, {
      onSuccess: () => {
        toast.success(`The subscription now has ${instances(proposed)}.`);
        reset({ quantity: String(proposed) });
        setProposed(null);
        quantityField.request();
      },
      onError: (error) => {
        const field = error instanceof ApiError ? error.errors.find((item) => item.field === 'quantity') : undefined;
        if (field) {
          setProposed(null);
          setError('quantity', { type: 'server', message: field.message }, { shouldFocus: true });
        }
      },
    });
  };

  return (
    <>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field label="Instances" hint={`${UNIT_PRICE} per instance per month.`} error={errors.quantity?.message} className="sm:w-56">
          {(props) => (
            <TextInput
              {...props}
              {...quantityRegistration}
              ref={(element) => {
                quantityRegistration.ref(element);
                quantityField.ref.current = element;
              }}
              type="number" inputMode="numeric" min={1} max={MAX_INSTANCES} step={1}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary" className="sm:mt-7">
          Change quantity
        </Button>
      </form>
      <ConfirmDialog
        open={proposed !== null}
        title={`Change to ${instances(proposed ?? 0)}?`}
        confirmLabel="Confirm the change"
        cancelLabel="Keep the current quantity"
        pending={mutation.isPending}
        onConfirm={confirm}
        onCancel={() => {
          if (!mutation.isPending) setProposed(null);
        }}
      >
        {proposed !== null && <ChangeSummary from={current} to={proposed} paymentExp={paymentExp} />}
        {mutation.isError && (
          <FailureMessage className="mt-3">
            The quantity was not changed: {mutation.error.message}
          </FailureMessage>
        )}
      </ConfirmDialog>
    </>
  );
}
