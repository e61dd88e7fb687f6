import type { CreditCard } from '@/api/contract';
import { brandLabel } from '@/api/credit-card';
import { cardEndsAt } from '@/lib/card-validity';
import english from '../messages/en.json?messages';
import type { PaymentMethodsMessages } from '../messages';

const DAY_MS = 86_400_000;
export const EXPIRES_SOON_DAYS = 30;

export type ExpiryWarning = { kind: 'days'; days: number } | { kind: 'renewal'; renewalAt: string };

/**
 * Why a card that still works needs attention: it ends within 30 days, or before the next renewal
 * (when the plan is charged). Expired cards get their own badge instead.
 */
export function expiryWarning(card: CreditCard, now: Date, renewalAt: string | null | undefined): ExpiryWarning | null {
  if (card.is_expired) return null;
  const endsAt = cardEndsAt(card).getTime();
  const days = Math.max(1, Math.ceil((endsAt - now.getTime()) / DAY_MS));
  if (days <= EXPIRES_SOON_DAYS) return { kind: 'days', days };
  if (renewalAt && endsAt <= Date.parse(renewalAt)) return { kind: 'renewal', renewalAt };
  return null;
}

export function formatExpiry(card: Pick<CreditCard, 'expiry_month' | 'expiry_year'>): string {
  return `${String(card.expiry_month).padStart(2, '0')}/${card.expiry_year}`;
}

/**
 * "Visa ending in 4242": how the console names a card, on screen and to screen readers, in the
 * words of `t` (the page's messages); without them, in English.
 */
export function cardName(card: Pick<CreditCard, 'brand' | 'last_digit'>, t?: Pick<PaymentMethodsMessages, 'cardName'>): string {
  const values = { brand: brandLabel(card.brand), last4: card.last_digit };
  return t ? t.cardName(values) : (english.cardName?.(values) ?? '');
}
