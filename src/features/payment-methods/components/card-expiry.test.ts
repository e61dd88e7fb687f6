import { describe, expect, it } from 'vitest';
import type { CreditCard } from '@/api/contract';
import { cardEndsAt } from '@/lib/card-validity';
import { cardName, expiryWarning, formatExpiry } from './card-expiry';

const card = (expiry_month: number, expiry_year: number, is_expired = false): CreditCard => ({
  id: 'card',
  created_at: '2025-01-01T00:00:00Z',
  expiry_month,
  expiry_year,
  last_digit: '4242',
  is_expired,
  brand: 'VISA',
});

describe('card expiry', () => {
  it('ends when the month after its expiry month begins', () => {
    expect(cardEndsAt(card(2, 2028)).toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(cardEndsAt(card(12, 2028)).toISOString()).toBe('2029-01-01T00:00:00.000Z');
  });

  it('warns when the card ends within 30 days, counting the whole last month', () => {
    // A 03/2026 card works until April 1st: on March 2nd that is 30 days away, on March 1st 31.
    expect(expiryWarning(card(3, 2026), new Date('2026-03-02T00:00:00Z'), null)).toEqual({ kind: 'days', days: 30 });
    expect(expiryWarning(card(3, 2026), new Date('2026-03-01T00:00:00Z'), null)).toBeNull();
    expect(expiryWarning(card(3, 2026), new Date('2026-03-31T23:00:00Z'), null)).toEqual({ kind: 'days', days: 1 });
  });

  it('warns when the card ends before the next renewal, and not when it ends after', () => {
    const now = new Date('2026-01-10T00:00:00Z');
    expect(expiryWarning(card(5, 2026), now, '2026-12-01T00:00:00Z')).toEqual({ kind: 'renewal', renewalAt: '2026-12-01T00:00:00Z' });
    expect(expiryWarning(card(5, 2026), now, '2026-06-01T00:00:00Z')).toEqual({ kind: 'renewal', renewalAt: '2026-06-01T00:00:00Z' });
    expect(expiryWarning(card(5, 2026), now, '2026-05-31T23:59:59Z')).toBeNull();
    expect(expiryWarning(card(5, 2026), now, undefined)).toBeNull();
  });

  it('leaves expired cards to their own badge', () => {
    expect(expiryWarning(card(3, 2026, true), new Date('2026-04-02T00:00:00Z'), '2026-05-01T00:00:00Z')).toBeNull();
  });

  it('names a card the way people read it', () => {
    expect(cardName({ brand: 'AMEX', last_digit: '0005' })).toBe('American Express ending in 0005');
    expect(formatExpiry(card(3, 2028))).toBe('03/2028');
  });
});
