import { describe, expect, it } from 'vitest';
import type { CreditCard, CurrentCost, Invoice, InvoiceStatus } from '@/api/contract';
import { billingHealth, type HealthInput } from './billing-health';

const NOW = new Date('2026-03-31T23:30:00.000Z');
const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

const paidPlan: CurrentCost = { plan: 'TEAM_2025', remaining_trial_day: 0, renewal_at: daysFromNow(20), cost: { total_in_cents: 29_900, total: 299, currency_code: 'USD' } };
const trial: CurrentCost = { ...paidPlan, remaining_trial_day: 9, renewal_at: daysFromNow(9) };
const freePlan: CurrentCost = { ...paidPlan, plan: 'USER_2025', cost: { total_in_cents: 0, total: 0, currency_code: 'USD' } };

const card = (last_digit: string, expiry_month: number, expiry_year: number, is_expired = false): CreditCard => ({
  id: `card-${last_digit}`,
  created_at: '2025-01-01T00:00:00Z',
  expiry_month,
  expiry_year,
  last_digit,
  is_expired,
  brand: 'VISA',
});
const lasting = card('4242', 12, 2030);
const expired = card('4444', 3, 2025, true);

const invoice = (id: string, status: InvoiceStatus, ageInDays: number, total_in_cents = 1_000, currency_code = 'USD'): Invoice => ({
  id,
  created_at: daysFromNow(-ageInDays),
  status,
  total_in_cents,
  total: total_in_cents / 100,
  currency_code,
});

const healthy: HealthInput = {
  now: NOW,
  status: { is_valid: true, message: 'Billing is valid.' },
  restriction: null,
  cost: paidPlan,
  cards: [lasting],
  invoices: [invoice('paid', 'PAID', 40)],
};

const kinds = (input: Partial<HealthInput>) => billingHealth({ ...healthy, ...input }).map((item) => item.kind);

describe('billing health', () => {
  it('has nothing to say when billing is valid, no invoice is unpaid and a card lasts past the renewal', () => {
    expect(billingHealth(healthy)).toEqual([]);
  });

  it('for a trial with no card and no credit: invalid billing to fix with credit first, then the blocked managed clusters', () => {
    const items = billingHealth({
      ...healthy,
      status: { is_valid: false, message: 'Globex is on a trial with no credit left. Redeem a credit code to keep deploying.' },
      restriction: 'NO_CREDIT_CARD',
      cost: trial,
      cards: [],
      invoices: [],
    });
    expect(items).toEqual([
      { kind: 'billing-invalid', message: 'Globex is on a trial with no credit left. Redeem a credit code to keep deploying.', fix: 'credit' },
      { kind: 'no-card', managedClustersBlocked: true, trialDays: 9, trialEndsAt: trial.renewal_at },
    ]);
  });

  it('gives an unpaid invoice its deadline, 7 days after it was issued, and lists invoices due under their terms after it', () => {
    const items = billingHealth({
      ...healthy,
      invoices: [
        invoice('due-old', 'PAYMENT_DUE', 400, 45_000, 'EUR'),
        invoice('failed', 'NOT_PAID', 5, 2_400),
        invoice('due', 'PAYMENT_DUE', 300, 29_900),
        invoice('void', 'VOIDED', 10),
      ],
    });
    expect(items.map((item) => item.kind)).toEqual(['unpaid', 'payment-due']);
    const [unpaid, due] = items;
    if (unpaid?.kind !== 'unpaid' || due?.kind !== 'payment-due') throw new Error('unexpected items');
    expect(unpaid.deadline.toISOString()).toBe(daysFromNow(2));
    expect(unpaid.daysLeft).toBe(2);
    expect(unpaid.invoices.map((entry) => entry.id)).toEqual(['failed']);
    expect(due.invoices.map((entry) => entry.id)).toEqual(['due-old', 'due']);
    expect(due.totals).toEqual([
      { currency: 'EUR', count: 1, minor: 45_000 },
      { currency: 'USD', count: 1, minor: 29_900 },
    ]);
  });

  it('takes the oldest unpaid invoice’s deadline, and says none is left once it has passed', () => {
    const [unpaid] = billingHealth({
      ...healthy,
      status: { is_valid: false, message: 'Invoice … has been unpaid for 9 days.' },
      invoices: [invoice('new', 'NOT_PAID', 1), invoice('old', 'NOT_PAID', 9)],
    }).filter((item) => item.kind === 'unpaid');
    if (unpaid?.kind !== 'unpaid') throw new Error('no unpaid item');
    expect(unpaid.invoices.map((entry) => entry.id)).toEqual(['old', 'new']);
    expect(unpaid.daysLeft).toBe(0);
  });

  it('orders by urgency: what blocks now, then by date, then what is only owed', () => {
    const items = kinds({
      status: { is_valid: false, message: 'Invoice … has been unpaid for 9 days.' },
      restriction: 'BILLING_BLOCKED',
      cards: [card('1111', 3, 2026)],
      invoices: [invoice('due', 'PAYMENT_DUE', 30), invoice('failed', 'NOT_PAID', 9)],
    });
    // The card ends on April 1st (before the renewal in 20 days); the unpaid deadline has passed.
    expect(items).toEqual(['billing-invalid', 'deployments-blocked', 'unpaid', 'card-expiring', 'payment-due']);
  });

  it('blocks every deployment for a restriction other than NO_CREDIT_CARD, pointing to the fix of invalid billing', () => {
    expect(billingHealth({ ...healthy, restriction: 'SUSPENDED' })).toEqual([{ kind: 'deployments-blocked', restriction: 'SUSPENDED', fix: null }]);
    const invalid = billingHealth({ ...healthy, status: { is_valid: false }, restriction: 'SUSPENDED', cost: freePlan });
    expect(invalid.map((item) => [item.kind, 'fix' in item ? item.fix : null])).toEqual([
      ['billing-invalid', 'credit'],
      ['deployments-blocked', 'credit'],
    ]);
  });

  it('asks for a card when a paid plan has none valid: before the trial ends, or for the renewal', () => {
    expect(billingHealth({ ...healthy, cards: [expired] })).toEqual([{ kind: 'no-valid-card', renewalAt: paidPlan.renewal_at, expiredCards: 1 }]);
    expect(billingHealth({ ...healthy, cost: trial, cards: [] })).toEqual([{ kind: 'no-card', managedClustersBlocked: false, trialDays: 9, trialEndsAt: trial.renewal_at }]);
    // A free plan is never charged.
    expect(kinds({ cost: freePlan, cards: [] })).toEqual([]);
    // A role that may not list cards (undefined) is not told about them.
    expect(kinds({ cards: undefined })).toEqual([]);
  });

  it('warns when every valid card stops before the renewal, not when one lasts past it', () => {
    const soon = card('1111', 3, 2026);
    expect(billingHealth({ ...healthy, cards: [soon, expired] })).toEqual([
      { kind: 'card-expiring', card: soon, endsAt: new Date('2026-04-01T00:00:00.000Z'), renewalAt: paidPlan.renewal_at },
    ]);
    expect(kinds({ cards: [soon, lasting] })).toEqual([]);
  });

  it('on credit, counts a failed invoice as owed without a deadline, apart from those due under terms: the status depends on credit there', () => {
    expect(kinds({ cost: freePlan, invoices: [invoice('failed', 'NOT_PAID', 9)] })).toEqual(['payment-failed']);
    expect(kinds({ cost: freePlan, invoices: [invoice('due', 'PAYMENT_DUE', 3), invoice('failed', 'NOT_PAID', 9)] })).toEqual(['payment-failed', 'payment-due']);
  });
});
