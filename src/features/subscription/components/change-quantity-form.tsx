import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { CLOUD_PLAN, MAX_INSTANCES, monthlyPriceCents } from '@/api/cloud-plans-catalog';
import { quantityFormSchema, toQuantity, type QuantityFormValues } from '@/api/cloud-plans-requests';
import { quantityChangeCharge, type QuantityCharge } from '@/api/proration';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage, Field, TextInput } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { useFocusRequest } from '@/components/ui/use-focus-request';
import { formatMinor } from '@/lib/money';
import { useUpdateSubscription } from '../api/use-subscription-mutations';
import { useSubscriptionMessages, type SubscriptionMessages } from '../messages';
import { unitPrice } from './format';
import { ColumnHeader } from '@/components/ui/column-header';
import { useFieldErrorText } from '@/components/ui/field-error-text';

const money = (cents: number) => formatMinor(cents, CLOUD_PLAN.currency);

/** The subscription as describe gives it, with what the quote needs. */
interface Subscription {
  quantity: number;
  /** The most instances already paid for this period; null when the backend does not say (only the sandbox does). */
  paidQuantity: number | null;
  /** period_start, as sent; null when the backend does not say (only the sandbox does). */
  periodStart: string | null;
  /** payment_exp, as sent. */
  paymentExp: string;
  /** payment_exp for people. */
  paidUntil: string;
}

/** What changing to `target` charges at `now`, with the function the sandbox charges with; null when it cannot be known. */
function quote(subscription: Subscription, target: number, now: Date): QuantityCharge | null {
  const start = Date.parse(subscription.periodStart ?? '');
  const end = Date.parse(subscription.paymentExp);
  if (subscription.paidQuantity === null || Number.isNaN(start) || Number.isNaN(end)) return null;
  return quantityChangeCharge({
    current: subscription.quantity,
    paidQuantity: subscription.paidQuantity,
    target,
    period: { start: new Date(start), end: new Date(end) },
    now,
  });
}

/** What is charged today, in one sentence: the exact amount when it is known, never a guess. */
function chargeToday(subscription: Subscription, target: number, charge: QuantityCharge | null, t: SubscriptionMessages): string {
  const { quantity: from, paidUntil: date } = subscription;
  const added = target - from;
  if (added < 0) return t.lowerNothingCharged({ date });
  if (charge === null) return t.addedChargedLater({ date });
  const { amountCents, charged, period } = charge;
  if (amountCents === 0) return period.daysLeft === 0 ? t.noDayLeft({ date }) : t.alreadyPaid({ added, date });
  const values = { amount: money(amountCents), added, daysLeft: period.daysLeft, days: period.days, date };
  return charged === added ? t.chargedToday(values) : t.chargedTodaySome({ ...values, charged, others: added - charged });
}

function ChangeSummary({ subscription, to, now }: { subscription: Subscription; to: number; now: Date }) {
  const t = useSubscriptionMessages();
  const from = subscription.quantity;
  return (
    <>
      <table className="w-full text-sm">
        <caption className="sr-only">{t.summaryCaption()}</caption>
        <thead>
          <tr className="text-start text-ink-muted">
            <td />
            <ColumnHeader className="pb-1">{t.now()}</ColumnHeader>
            <ColumnHeader className="pb-1">{t.after()}</ColumnHeader>
          </tr>
        </thead>
        <tbody className="tabular">
          <tr>
            <th scope="row" className="py-1 text-start font-medium text-ink-muted">
              {t.instances()}
            </th>
            <td>{from}</td>
            <td className="font-semibold">{to}</td>
          </tr>
          <tr>
            <th scope="row" className="py-1 text-start font-medium text-ink-muted">
              {t.monthlyPrice()}
            </th>
            <td>{money(monthlyPriceCents(from))}</td>
            <td className="font-semibold">{money(monthlyPriceCents(to))}</td>
          </tr>
        </tbody>
      </table>
      <p className="mt-3 text-sm text-ink">{chargeToday(subscription, to, quote(subscription, to, now), t)}</p>
    </>
  );
}

/** A change waiting for confirmation, quoted at `quotedAt`. */
interface Proposal {
  quantity: number;
  quotedAt: Date;
  /** The quote was made again at confirmation, because the billing day had changed the amount. */
  requoted: boolean;
}

/** Changes the number of instances, after showing the old and new quantity and price and what is charged today. */
export function ChangeQuantityForm({ organizationId, subscription }: { organizationId: string; subscription: Subscription }) {
  const t = useSubscriptionMessages();
  const errorText = useFieldErrorText();
  const current = subscription.quantity;
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
  const [proposal, setProposal] = useState<Proposal | null>(null);
  // After a change the focus goes back to the field, ready for the next one.
  const quantityField = useFocusRequest<HTMLInputElement>();
  const quantityRegistration = register('quantity');

  const onSubmit = handleSubmit((values) => {
    const quantity = toQuantity(values.quantity);
    if (quantity === current) {
      setError('quantity', { type: 'validate', message: t.alreadyHas({ count: current }) }, { shouldFocus: true });
      return;
    }
    mutation.reset();
    setProposal({ quantity, quotedAt: new Date(), requoted: false });
  });

  const confirm = () => {
    if (proposal === null) return;
    const { quantity: proposed } = proposal;
    // The amount shown is the one charged: if the billing day turned while the dialog was open, the
    // quote is shown again, as it now stands, before anything is charged.
    const now = new Date();
    if (quote(subscription, proposed, now)?.amountCents !== quote(subscription, proposed, proposal.quotedAt)?.amountCents) {
      setProposal({ quantity: proposed, quotedAt: now, requoted: true });
      return;
    }
    mutation.mutate(proposed, {
      onSuccess: () => {
        toast.success(t.nowHas({ count: proposed }));
        reset({ quantity: String(proposed) });
        setProposal(null);
        quantityField.request();
      },
      onError: (error) => {
        const field = error instanceof ApiError ? error.errors.find((item) => item.field === 'quantity') : undefined;
        if (field) {
          setProposal(null);
          setError('quantity', { type: 'server', message: field.message }, { shouldFocus: true });
        }
      },
    });
  };

  return (
    <>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field label={t.instances()} hint={t.changeHint({ price: unitPrice() })} error={errors.quantity?.message} className="sm:w-56">
          {(props) => (
            <TextInput
              {...props}
              {...quantityRegistration}
              ref={(element) => {
                quantityRegistration.ref(element);
                quantityField.ref.current = element;
              }}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_INSTANCES}
              step={1}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary" className="sm:mt-7">
          {t.changeQuantity()}
        </Button>
      </form>
      <ConfirmDialog
        open={proposal !== null}
        title={t.changeToTitle({ count: proposal?.quantity ?? 0 })}
        confirmLabel={t.confirmChange()}
        cancelLabel={t.keepQuantity()}
        pending={mutation.isPending}
        onConfirm={confirm}
        onCancel={() => {
          if (!mutation.isPending) setProposal(null);
        }}
      >
        {proposal !== null && <ChangeSummary subscription={subscription} to={proposal.quantity} now={proposal.quotedAt} />}
        {proposal?.requoted && (
          <p role="status" className="mt-3 rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-ink">
            {t.requoted()}
          </p>
        )}
        {mutation.isError && (
          <FailureMessage className="mt-3" error={mutation.error}>
            {t.quantityNotChanged({ message: errorText(mutation.error.message) })}
          </FailureMessage>
        )}
      </ConfirmDialog>
    </>
  );
}
