import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@/api/api-error';
import type { CreditCard, CurrentCost } from '@/api/contract';
import { brandLabel } from '@/api/credit-card';
import { planPeriod } from '@/api/plan-period';
import { PLAN_CATALOG } from '@/api/plans';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage } from '@/components/ui/field';
import { usePlanName } from '@/components/ui/plan-name';
import { toast } from '@/components/ui/toast';
import { formatBillingDate } from '@/lib/date-format';
import { formattingLocale } from '@/lib/locale';
import { formatMinor } from '@/lib/money';
import { richText } from '@/lib/rich-text';
import { useDeleteCreditCard } from '../api/use-delete-credit-card';
import { usePaymentMethodsMessages, type PaymentMethodsMessages } from '../messages';
import { cardName, expiryWarning, formatExpiry, type ExpiryWarning } from './card-expiry';
import { useFieldErrorText } from '@/components/ui/field-error-text';

function warningText(warning: ExpiryWarning, t: PaymentMethodsMessages): string {
  return warning.kind === 'days' ? t.expiresInDays({ days: warning.days }) : t.expiresBeforeRenewal({ date: formatBillingDate(warning.renewalAt, 'long') });
}

/** A paid plan out of its trial is charged at each renewal. */
function chargedAtRenewal(cost: CurrentCost | undefined): cost is CurrentCost & { plan: NonNullable<CurrentCost['plan']> } {
  return cost?.plan !== undefined && PLAN_CATALOG[cost.plan].priceInCents > 0 && (cost.remaining_trial_day ?? 0) === 0;
}

/**
 * The day a card was added, as the user's own calendar has it: a moment, not a billing date, so that
 * it is the day the activity shows for the same event (formatInstant), in every time zone.
 */
function addedOn(createdAt: string): string {
  return new Intl.DateTimeFormat(formattingLocale(), { dateStyle: 'medium' }).format(new Date(createdAt));
}

function LastCardWarning({ cost, organizationName }: { cost: CurrentCost & { plan: NonNullable<CurrentCost['plan']> }; organizationName: string }) {
  const t = usePaymentMethodsMessages();
  const planName = usePlanName();
  return (
    <p className="rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-ink">
      {t.lastCardWarning({
        organization: organizationName,
        plan: planName(cost.plan),
        priced: cost.cost ? 'yes' : 'no',
        price: cost.cost ? formatMinor(cost.cost.total_in_cents, cost.cost.currency_code) : '',
        period: planPeriod(cost.plan),
        renewal: cost.renewal_at ? 'date' : 'soon',
        date: cost.renewal_at ? formatBillingDate(cost.renewal_at, 'long') : '',
      })}
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
  const t = usePaymentMethodsMessages();
  const errorText = useFieldErrorText();
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
    const removed = { card: cardName(toDelete, t), expiry: formatExpiry(toDelete) };
    mutation.mutate(toDelete.id, {
      onSettled: () => {
        removing.current = false;
      },
      onSuccess: () => {
        toast.success(t.cardRemoved(removed));
        setToDelete(null);
        focusSummaryAfterClose.current = true;
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 404) {
          toast.info(t.alreadyRemoved(removed));
          setToDelete(null);
          focusSummaryAfterClose.current = true;
        }
      },
    });
  };

  const summary =
    cards.length === 0 ? t.noCardYet({ organization: organizationName, canEdit: canEdit ? 'yes' : 'no' }) : t.cardsSummary({ count: cards.length, valid: validCards.length });

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
                      {richText(t.cardListName({ brand: brandLabel(card.brand), last4: card.last_digit }), {
                        hidden: (chunk) => <span className="sr-only">{chunk}</span>,
                        masked: (chunk) => (
                          <span aria-hidden="true" className="tabular">
                            {chunk}
                          </span>
                        ),
                      })}
                    </span>
                    {card.is_expired && <Badge tone="danger">{t.expired()}</Badge>}
                    {warning && <Badge tone="warning">{t.expiresSoon()}</Badge>}
                  </p>
                  <p className="tabular mt-1 text-sm text-ink-muted">
                    {t.expiryLine({ expired: card.is_expired ? 'yes' : 'no', expiry: formatExpiry(card), date: addedOn(card.created_at) })}
                  </p>
                  {warning && <p className="mt-1 text-sm text-warning-ink">{warningText(warning, t)}</p>}
                </div>
                {canEdit && (
                  <Button
                    variant="secondary"
                    size="sm"
                    className="self-start sm:self-center"
                    onClick={() => setToDelete(card)}
                    aria-label={t.removeLabel({ card: cardName(card, t), expiry: formatExpiry(card) })}
                  >
                    {t.remove()}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {validCards.length === 0 && cards.length > 0 && (
        <p className="mt-3 rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-ink">{t.allExpired({ canEdit: canEdit ? 'yes' : 'no' })}</p>
      )}

      <ConfirmDialog
        open={toDelete !== null}
        title={t.removeTitle()}
        description={toDelete && t.removeDescription({ card: cardName(toDelete, t), expiry: formatExpiry(toDelete), organization: organizationName })}
        confirmLabel={t.removeConfirm()}
        cancelLabel={t.keepCard()}
        tone="danger"
        pending={mutation.isPending}
        onConfirm={confirm}
        onCancel={close}
      >
        {(lastCardCost || mutation.isError) && (
          <div className="flex flex-col gap-3">
            {lastCardCost && <LastCardWarning cost={lastCardCost} organizationName={organizationName} />}
            {mutation.isError && <FailureMessage error={mutation.error}>{t.notRemoved({ message: errorText(mutation.error.message) })}</FailureMessage>}
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}
