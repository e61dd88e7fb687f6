import { useEffect, useRef, type ReactNode } from 'react';
import type { DescribeBillingResponse } from '@/api/cloud-plans';
import { CLOUD_PLAN, cloudPlanName, monthlyPriceCents } from '@/api/cloud-plans-catalog';
import { can, type Role } from '@/api/permissions';
import { Badge } from '@/components/ui/badge';
import { formatMinor } from '@/lib/money';
import { CancelSubscription } from './cancel-subscription';
import { ChangePaymentMethodButton } from './change-payment-method-button';
import { ChangeQuantityForm } from './change-quantity-form';
import { useSubscriptionMessages } from '../messages';
import { cardBrandName, displayDate, parseQuantity, unitPrice } from './format';
import { StartSubscriptionForm } from './start-subscription-form';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="mt-0.5 tabular font-medium text-ink">{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="border-t border-line pt-4">
      <h3 id={id} className="text-sm font-semibold text-ink">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** The subscription and what the caller's role may do with it; role null (real backend): everything, the server decides. */
export function SubscriptionPanel({ organizationId, billing, role }: { organizationId: string; billing: DescribeBillingResponse['response']; role: Role | null }) {
  const t = useSubscriptionMessages();
  const { organization, subscription, payment_method: card } = billing;
  const canManage = role === null || can(role, 'subscription:manage');
  const canUpdateCard = role === null || can(role, 'subscription:update-card');
  const noSubscriptionRef = useRef<HTMLParagraphElement>(null);
  const hadSubscription = useRef(Boolean(subscription));

  useEffect(() => {
    // After a cancel the dialog and its opener are gone: focus lands on the new state, not on <body>.
    const lostFocus = document.activeElement === null || document.activeElement === document.body;
    if (hadSubscription.current && !subscription && lostFocus) noSubscriptionRef.current?.focus();
    hadSubscription.current = Boolean(subscription);
  }, [subscription]);

  if (!subscription) {
    return (
      <div>
        <p ref={noSubscriptionRef} tabIndex={-1} className="text-lg font-semibold text-ink focus:outline-none">
          {t.noSubscription()}
        </p>
        <p className="mt-1 text-sm text-ink-muted">{t.noSubscriptionBody({ organization: organization.name, plan: CLOUD_PLAN.name, price: unitPrice() })}</p>
        {canManage ? (
          <StartSubscriptionForm organizationId={organizationId} />
        ) : (
          <p className="mt-4 text-sm text-ink-muted">{t.onlyAdminsStart({ organization: organization.name })}</p>
        )}
      </div>
    );
  }

  const quantity = parseQuantity(subscription.quantity);
  const paidUntil = displayDate(subscription.payment_exp);
  // The sandbox says how many instances are already paid for this period, and since when; a real backend does not.
  const paidQuantity = subscription.paid_quantity === undefined ? null : parseQuantity(subscription.paid_quantity);
  const periodStart = subscription.period_start ?? null;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-lg font-semibold text-ink">{t.planName({ plan: cloudPlanName(subscription.plan) })}</p>
          <Badge tone="success">{t.active()}</Badge>
        </div>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2">
          <Item label={t.instances()}>{quantity ?? subscription.quantity}</Item>
          <Item label={t.monthlyPrice()}>
            {quantity === null
              ? t.notAvailable()
              : t.monthlyPriceValue({ total: formatMinor(monthlyPriceCents(quantity), CLOUD_PLAN.currency), count: quantity, price: unitPrice() })}
          </Item>
          <Item label={t.paidUntil()}>{paidUntil}</Item>
          <Item label={t.paymentMethod()}>
            {card
              ? t.cardOnFile({ brand: cardBrandName(card.brand), last4: card.last4, expiry: `${String(card.expiry_month).padStart(2, '0')}/${card.expiry_year}` })
              : t.notShown()}
          </Item>
        </dl>
      </div>

      {canManage && quantity !== null && (
        <Section id="change-quantity-heading" title={t.changeQuantityTitle()}>
          <div className="mt-2">
            <ChangeQuantityForm organizationId={organizationId} subscription={{ quantity, paidQuantity, periodStart, paymentExp: subscription.payment_exp, paidUntil }} />
          </div>
        </Section>
      )}

      {canUpdateCard && (
        <Section id="payment-method-heading" title={t.paymentMethod()}>
          <p className="mb-3 mt-1 text-sm text-ink-muted">{t.paymentMethodHint()}</p>
          <ChangePaymentMethodButton organizationId={organizationId} />
        </Section>
      )}

      {canManage ? (
        <Section id="cancel-heading" title={t.cancelTitle()}>
          <p className="mb-3 mt-1 text-sm text-ink-muted">{t.cancelHint()}</p>
          <CancelSubscription organizationId={organizationId} organizationName={organization.name} quantity={quantity} plan={subscription.plan} paidUntil={paidUntil} />
        </Section>
      ) : (
        <p className="border-t border-line pt-4 text-sm text-ink-muted">{t.onlyAdminsChange({ canUpdateCard: canUpdateCard ? 'yes' : 'no' })}</p>
      )}
    </div>
  );
}
