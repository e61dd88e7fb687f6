import type { CreditCard } from '@/api/contract';

/**
 * A card works through the last day of its expiry month: it stops when the next month begins (UTC,
 * like the server). Apart, and tiny, because the overview ships it with the first page.
 */
export function cardEndsAt(card: Pick<CreditCard, 'expiry_month' | 'expiry_year'>): Date {
  return new Date(Date.UTC(card.expiry_year, card.expiry_month, 1));
}
