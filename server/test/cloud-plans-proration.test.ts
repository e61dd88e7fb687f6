import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingHistoryResponseSchema, describeBillingResponseSchema, linkResponseSchema } from '#api/cloud-plans';
import { quantityChangeCharge, type QuantityCharge } from '#api/proration';
import { decimalToMinor } from '#lib/money';
import { ORG_IDS } from '../db/seed';
import { createTestApp, parsed, type TestApp } from './helpers';

/**
 * The preview is the charge: before each change the test quotes it as the console does (describe's
 * subscription and the shared proration function, at the server's clock), makes the change through
 * the API, and compares the quote with the history entry the change created, or with its absence.
 */

const BASE = '/api/v1/organizations/billing';
const HOUR = 3_600_000;

type Org = 'acme' | 'globex';
const ADMIN = { acme: 'adminAcme', globex: 'adminGlobex' } as const;

async function subscription(t: TestApp, org: Org) {
  const answer = parsed(await t.call('GET', `${BASE}/describe?action=getorganization&org_id=${ORG_IDS[org]}`, { token: ADMIN[org] }), 200, describeBillingResponseSchema);
  const found = answer.response.subscription;
  if (!found?.paid_quantity) throw new Error(`${org} has no subscription with paid_quantity`);
  if (!found.period_start) throw new Error(`${org}'s subscription has no period_start`);
  return {
    current: Number(found.quantity),
    paidQuantity: Number(found.paid_quantity),
    period: { start: new Date(found.period_start), end: new Date(found.payment_exp) },
  };
}

async function history(t: TestApp, org: Org) {
  return parsed(await t.call('GET', `${BASE}/history?action=list_billing&org_id=${ORG_IDS[org]}`, { token: ADMIN[org] }), 200, billingHistoryResponseSchema).billing_history;
}

/** Quotes the change as the console does, makes it, and checks that the history holds exactly the quote. */
async function changeQuantity(t: TestApp, target: number, org: Org = 'acme'): Promise<QuantityCharge> {
  const before = await subscription(t, org);
  const quote = quantityChangeCharge({ ...before, target, now: t.clock.now() });
  const earlier = new Set((await history(t, org)).map((entry) => entry.id));
  const answer = await t.call('POST', `${BASE}/update?action=updatesubscription`, { token: ADMIN[org], json: { org_id: ORG_IDS[org], quantity: target } });
  expect(answer.status).toBe(200);
  const created = (await history(t, org)).filter((entry) => !earlier.has(entry.id));
  const step = `${before.current} -> ${target} at ${t.clock.now().toISOString()}`;
  if (quote.amountCents === 0) {
    expect(created, step).toEqual([]);
  } else {
    expect(created, step).toHaveLength(1);
    expect(created[0], step).toMatchObject({ status: 'paid', date: t.clock.now().toISOString() });
    expect(decimalToMinor(created[0]?.amount ?? '', 'USD'), step).toBe(quote.amountCents);
  }
  const after = await subscription(t, org);
  expect(after.current, step).toBe(target);
  if (target !== before.current) expect(after.paidQuantity, step).toBe(quote.paidForAfter);
  return quote;
}

async function withApp(now: Date, run: (t: TestApp) => Promise<void>): Promise<void> {
  const t = createTestApp({ now });
  try {
    await run(t);
  } finally {
    await t.close();
  }
}

/** Globex subscribes through the hosted checkout at the clock's time. */
async function subscribeGlobex(t: TestApp, quantity: number): Promise<void> {
  const link = parsed(
    await t.call('POST', `${BASE}/update?action=getpaymentlink&org_id=${ORG_IDS.globex}&quantity=${quantity}`, { token: 'adminGlobex' }),
    200,
    linkResponseSchema,
  ).response;
  const paid = await t.call('POST', new URL(link).pathname, {
    token: null,
    body: new URLSearchParams({ number: '4242 4242 4242 4242', expiry_month: '12', expiry_year: String(t.clock.now().getUTCFullYear() + 2), cvv: '123' }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  expect(paid.status).toBe(303);
}

describe('Cloud Plans: the quantity dialog’s quote is the charge', () => {
  it('charges 2 -> 7 after 4 -> 6 -> 2 for the one instance never paid for', async () => {
    // Seeded on a leap day at 23:30 UTC: paid until March 8, a period of 29 days (February 8 to March 7), 8 of them left.
    await withApp(new Date('2028-02-29T23:30:00.000Z'), async (t) => {
      expect(await changeQuantity(t, 6)).toMatchObject({ charged: 2, amountCents: 1_048, period: { days: 29, daysLeft: 8 } });
      expect(await changeQuantity(t, 2)).toMatchObject({ charged: 0, amountCents: 0 });
      // Not 5 instances (the old quote, $26.21): 4 of them are the ones already paid for.
      expect(await changeQuantity(t, 7)).toMatchObject({ charged: 1, amountCents: 524, paidFor: 6, paidForAfter: 7 });
      // Made at the same instant as the charge for 4 -> 6: look it up by what it says, not by its place.
      expect((await history(t, 'acme')).map((entry) => entry.description)).toContain('1 more instance (2 to 7, 6 already paid for), prorated for 8 of 29 days to 2028-03-08');
    });
  });

  it('charges raises after lowers and several raises in one period by the days left when each is made', async () => {
    await withApp(new Date('2026-06-10T08:00:00.000Z'), async (t) => {
      // Paid until June 18 08:00: 31 days (May 18 to June 17), 8 left today.
      expect(await changeQuantity(t, 2)).toMatchObject({ amountCents: 0 });
      t.clock.advance(20 * HOUR); // June 11, 04:00: 7 days left
      expect(await changeQuantity(t, 5)).toMatchObject({ charged: 1, amountCents: 429, period: { daysLeft: 7 } });
      t.clock.advance(2 * HOUR); // still June 11: same days left, same price per instance
      expect(await changeQuantity(t, 6)).toMatchObject({ charged: 1, amountCents: 429 });
      t.clock.advance(20 * HOUR); // June 12: 6 days left
      expect(await changeQuantity(t, 9)).toMatchObject({ charged: 3, amountCents: 1_103 });
      expect(await changeQuantity(t, 1)).toMatchObject({ amountCents: 0 });
      expect(await changeQuantity(t, 9)).toMatchObject({ amountCents: 0 });
    });
  });

  it('counts a period across a month end by its billing days, and charges nothing from the renewal day on', async () => {
    await withApp(new Date('2027-01-27T12:00:00.000Z'), async (t) => {
      // Paid until February 4 12:00: 31 days (January 4 to February 3).
      t.clock.set(new Date('2027-01-31T23:59:00.000Z'));
      expect(await changeQuantity(t, 5)).toMatchObject({ amountCents: 245, period: { days: 31, daysLeft: 4 } });
      t.clock.set(new Date('2027-02-01T00:01:00.000Z'));
      expect(await changeQuantity(t, 6)).toMatchObject({ amountCents: 184, period: { daysLeft: 3 } });
      // The renewal day, before payment_exp: the renewal, not yet due, bills the new quantity.
      t.clock.set(new Date('2027-02-04T06:00:00.000Z'));
      expect(await changeQuantity(t, 8)).toMatchObject({ charged: 0, amountCents: 0, period: { daysLeft: 0 } });
      const renewal = (await history(t, 'acme')).find((entry) => entry.status === 'unpaid');
      expect(renewal).toMatchObject({ amount: '152.00', due_date: '2027-02-04T12:00:00.000Z' });
    });
  });

  it('prorates a subscription started on January 31 and paid until February 28 over its 28 days', async () => {
    await withApp(new Date('2027-01-31T20:00:00.000Z'), async (t) => {
      await subscribeGlobex(t, 3);
      expect((await subscription(t, 'globex')).period).toEqual({ start: new Date('2027-01-31T20:00:00.000Z'), end: new Date('2027-02-28T20:00:00.000Z') });
      // Raised the day it was paid: every day of the period is left, so a whole month, as at the checkout.
      t.clock.set(new Date('2027-01-31T21:00:00.000Z'));
      expect(await changeQuantity(t, 5, 'globex')).toMatchObject({ amountCents: 3_800, period: { days: 28, daysLeft: 28 } });
      // Not over the month before February 28 (from January 28, 31 days): the period began when it was paid.
      t.clock.set(new Date('2027-02-26T01:00:00.000Z'));
      expect(await changeQuantity(t, 6, 'globex')).toMatchObject({ amountCents: 136, period: { days: 28, daysLeft: 2 } });
    });
  });

  it('holds for generated sequences of changes at any time of a period, from any start', async () => {
    const starts = ['2026-03-15T10:00:00.000Z', '2028-02-29T23:30:00.000Z', '2026-12-28T00:00:00.000Z', '2027-01-25T23:59:59.999Z', '2026-07-31T12:00:00.000Z'];
    const step = fc.record({ afterHours: fc.integer({ min: 0, max: 60 }), quantity: fc.integer({ min: 1, max: 12 }) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...starts), fc.array(step, { minLength: 1, maxLength: 7 }), async (start, steps) => {
        await withApp(new Date(start), async (t) => {
          let charged = 0;
          let most = (await subscription(t, 'acme')).paidQuantity;
          const initial = most;
          for (const { afterHours, quantity } of steps) {
            t.clock.advance(afterHours * HOUR);
            const quote = await changeQuantity(t, quantity);
            // Independently of the function's arithmetic: over a period, the instances charged are
            // the most ever held while days were left, less those paid for at the start.
            if (quote.period.daysLeft > 0) most = Math.max(most, quantity);
            charged += quote.charged;
            expect(quote.amountCents).toBeLessThanOrEqual(quote.charged * 1_900);
          }
          expect(charged).toBe(most - initial);
        });
      }),
      { numRuns: 25 },
    );
  });
});
