import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@/api/api-error';
import type { CreditCard, CurrentCost } from '@/api/contract';
import { brandLabel } from '@/api/credit-card';
import { PLAN_CATALOG } from '@/api/plans';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { plural } from '@/lib/plural';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import { useDeleteCreditCard } from '../api/use-delete-credit-card';
import { cardName, expiryWarning, formatExpiry, type ExpiryWarning } from './card-expiry';

function warningText(warning: ExpiryWarning): string {
  return warning.kind === 'days'
    ? `Expires in ${plural(warning.days, 'day', 'days')}: add a new card to keep paying without interruption.`
    : `Expires before the next renewal on ${formatBillingDate(warning.renewalAt, 'long')}: add a new card before then.`;
}

/** A paid plan out of its trial is charged at each renewal. */
function chargedAtRenewal(cost: CurrentCost | undefined): cost is CurrentCost & { plan: NonNullable<CurrentCost['plan']> } {
  return cost?.plan !== undefined && PLAN_CATALOG[cost.plan].priceInCents > 0 && (cost.remaining_trial_day ?? 0) === 0;
}

function LastCardWarning({ cost, organizationName }: { cost: CurrentCost & { plan: NonNullable<CurrentCost['plan']> }; organizationName: string }) {
  const plan = PLAN_CATALOG[cost.plan];
  const price = cost.cost ? ` (${formatMinor(cost.cost.total_in_cents, cost.cost.currency_code)} / ${plan.period})` : '';
  return (
    <p className="rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-ink">
      This is the last valid card of {organizationName}. Its {plan.name} plan{price} renews
      {cost.renewal_at ? ` on ${formatBillingDate(cost.renewal_at, 'long')}` : ' soon'}: without a card, that invoice cannot be paid.
    </p>
  );
}

export function CardList({
  organizationId,
  organizationName,
  cards,
  cost,
  canEdit,
  now = new Date(),
}: {
  organizationId: string;
  organizationName: string;
  cards: readonly CreditCard[];
  cost: CurrentCost | undefined;
  canEdit: boolean;
  now?: Date;
}) {
  const [toDelete, setToDelete] = useState<CreditCard | null>(null);
  const focusSummaryAfterClose = useRef(false);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const mutation = useDeleteCreditCard(organizationId);
  const validCards = cards.filter((card) => !card.is_expired);
  // Removing the last valid card of a plan charged at renewal deserves a warning in the dialog.
  const lastCardCost = toDelete !== null && !toDelete.is_expired && validCards.length === 1 && chargedAtRenewal(cost) ? cost : null;

  // The removed card's button had focus: once the dialog has closed (its effect runs first), focus
  // goes to the list's summary rather than to the start of the page.
  useEffect(() => {
    if (!focusSummaryAfterClose.current || toDelete !== null) return;
    focusSummaryAfterClose.current = false;
    summaryRef.current?.focus();
  }, [toDelete]);

  const close = () => {
    if (mutation.isPending) return;
    setToDelete(null);
    mutation.reset();
  };

  // A double click lands twice before the button renders busy: the second would send a second DELETE.
  const removing = useRef(false);

  const confirm = () => {
    if (!toDelete || removing.current) return;
    removing.current = true;
    // The expiry tells apart a reissued card from the one it replaces (same brand and last 4).
    const name = `${cardName(toDelete)} (${formatExpiry(toDelete)})`;
    mutation.mutate(toDelete.id, {
      onSettled: () => {
        removing.current = false;
      },
      onSuccess: () => {
        toast.success(`${name} removed`);
        setToDelete(null);
        focusSummaryAfterClose.current = true;
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 404) {
          toast.info(`${name} had already been removed`);
          setToDelete(null);
          focusSummaryAfterClose.current = true;
        }
      },
    });
  };

  const summary =
    cards.length === 0
      ? `${organizationName} has no card yet.${canEdit ? ' Add one to pay its invoices.' : ''}`
      : `${plural(cards.length, 'card', 'cards')} on file, ${validCards.length === 0 ? 'none' : validCards.length} valid.`;

  return (
    <>
      <p
        ref={summaryRef}
        tabIndex={-1}
        className={cards.length === 0 ? 'rounded-md border border-dashed border-line-strong p-4 text-sm text-ink-muted' : 'mb-3 text-sm text-ink-muted'}
      >
        {summary}
      </p>
      {cards.length > 0 && (
        <ul className="divide-y divide-line rounded-md border border-line">
          {cards.map((card) => {
            const warning = expiryWarning(card, now, cost?.renewal_at);
            return (
              <li key={card.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-ink">
                    <span>
                      {brandLabel(card.brand)} <span className="sr-only">ending in {card.last_digit}</span>
                      <span aria-hidden="true" className="tabular">
                        •••• {card.last_digit}
                      </span>
                    </span>
                    {card.is_expired && <Badge tone="danger">Expired</Badge>}
                    {warning && <Badge tone="warning">Expires soon</Badge>}
                  </p>
                  <p className="tabular mt-1 text-sm text-ink-muted">
                    {card.is_expired ? 'Expired' : 'Expires'} {formatExpiry(card)} · Added on {formatBillingDate(card.created_at)}
                  </p>
                  {warning && <p className="mt-1 text-sm text-warning-ink">{warningText(warning)}</p>}
                </div>
                {canEdit && (
                  <Button
                    variant="secondary"
                    size="sm"
                    className="self-start sm:self-center"
                    onClick={() => setToDelete(card)}
                    aria-label={`Remove ${cardName(card)}, expires ${formatExpiry(card)}`}
                  >
                    Remove
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {validCards.length === 0 && cards.length > 0 && (
        <p className="mt-3 rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-ink">
          Every card on file has expired.{canEdit ? ' Add a valid card to pay the next invoices.' : ''}
        </p>
      )}

      <ConfirmDialog
        open={toDelete !== null}
        title="Remove this card?"
        description={toDelete && `${cardName(toDelete)}, expires ${formatExpiry(toDelete)}, will no longer be used to pay ${organizationName}’s invoices.`}
        confirmLabel="Remove card"
        cancelLabel="Keep card"
        tone="danger"
        pending={mutation.isPending}
        onConfirm={confirm}
        onCancel={close}
      >
        {(lastCardCost || mutation.isError) && (
          <div className="flex flex-col gap-3">
            {lastCardCost && <LastCardWarning cost={lastCardCost} organizationName={organizationName} />}
            {mutation.isError && <FailureMessage error={mutation.error}>The card was not removed: {mutation.error.message}</FailureMessage>}
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}
