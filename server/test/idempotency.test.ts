import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkResponseSchema } from '#api/cloud-plans';
import { countRows, createTestApp, errorBody, ORGS, orgPath, validCard, type CallOptions, type CallResult, type TestApp } from './helpers';

const CLOUD = '/api/v1/organizations/billing/update';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.close());

interface Case {
  name: string;
  method: string;
  path: string;
  options: () => CallOptions;
  /** Another request under the same key. */
  other: () => CallOptions;
  /** What one run of the request changed; a replay must not change it again. */
  effect: () => number;
}

const year = () => app.clock.now().getUTCFullYear();
const subscription = (column: string) => () =>
  countRows(app.db, 'cloud_billing_history', 'organization_id = ?', ORGS.acme) * 1000 +
  Number(app.db.prepare(`SELECT ${column} FROM cloud_subscriptions WHERE organization_id = ? ORDER BY updated_at DESC LIMIT 1`).pluck().get(ORGS.acme));

/** Every POST that creates or charges. */
const CASES: Case[] = [
  {
    name: 'addCreditCard',
    method: 'POST',
    path: orgPath('acme', 'creditCard'),
    options: () => ({ json: validCard(app.clock.now()) }),
    other: () => ({ json: validCard(app.clock.now(), { expiry_year: year() + 4 }) }),
    effect: () => countRows(app.db, 'credit_cards', 'organization_id = ?', ORGS.acme),
  },
  {
    name: 'addCreditCode',
    method: 'POST',
    path: orgPath('globex', 'creditCode'),
    options: () => ({ token: 'adminGlobex', json: { code: 'WELCOME100' } }),
    other: () => ({ token: 'adminGlobex', json: { code: 'PARTNER250' } }),
    effect: () => Number(app.db.prepare('SELECT credit_cents FROM organizations WHERE id = ?').pluck().get(ORGS.globex)),
  },
  {
    name: 'changePlan',
    method: 'POST',
    path: orgPath('acme', 'changePlan'),
    options: () => ({ json: { plan: 'BUSINESS_2025' } }),
    other: () => ({ json: { plan: 'ENTERPRISE_2025' } }),
    effect: () => countRows(app.db, 'organizations', "id = ? AND plan = 'BUSINESS_2025'", ORGS.acme),
  },
  {
    name: 'organizationDownloadAllInvoices',
    method: 'POST',
    path: orgPath('globex', 'downloadInvoices'),
    options: () => ({ token: 'adminGlobex' }),
    other: () => ({ token: 'adminGlobex', json: { all: true } }),
    effect: () => countRows(app.db, 'invoice_mail_jobs', 'organization_id = ?', ORGS.globex),
  },
  {
    name: 'generateBillingUsageReport',
    method: 'POST',
    path: orgPath('acme', 'billingUsageReport'),
    options: () => ({ json: { from: '2028-01-01T00:00:00Z', to: '2028-02-01T00:00:00Z', report_expiration_in_seconds: 3600 } }),
    other: () => ({ json: { from: '2028-01-01T00:00:00Z', to: '2028-02-01T00:00:00Z', report_expiration_in_seconds: 7200 } }),
    effect: () => countRows(app.db, 'usage_reports', 'organization_id = ?', ORGS.acme),
  },
  {
    name: 'Cloud Plans getpaymentlink',
    method: 'POST',
    path: `${CLOUD}?action=getpaymentlink&org_id=${ORGS.globex}&quantity=3`,
    options: () => ({ token: 'adminGlobex' }),
    other: () => ({ token: 'adminGlobex', json: { quantity: 3 } }),
    effect: () => countRows(app.db, 'cloud_checkout_sessions', 'organization_id = ?', ORGS.globex),
  },
  {
    name: 'Cloud Plans getupdatecardlink',
    method: 'POST',
    path: `${CLOUD}?action=getupdatecardlink`,
    options: () => ({ json: { org_id: ORGS.acme } }),
    other: () => ({ json: { org_id: ORGS.acme, quantity: 1 } }),
    effect: () => countRows(app.db, 'cloud_checkout_sessions', 'organization_id = ?', ORGS.acme),
  },
  {
    name: 'Cloud Plans updatesubscription',
    method: 'POST',
    path: `${CLOUD}?action=updatesubscription`,
    options: () => ({ json: { org_id: ORGS.acme, quantity: 9 } }),
    other: () => ({ json: { org_id: ORGS.acme, quantity: 10 } }),
    effect: subscription('quantity'),
  },
  {
    name: 'Cloud Plans cancelsubscription',
    method: 'POST',
    path: `${CLOUD}?action=cancelsubscription`,
    options: () => ({ json: { org_id: ORGS.acme, reason: 'Too dear' } }),
    other: () => ({ json: { org_id: ORGS.acme, reason: 'Moving' } }),
    effect: () => countRows(app.db, 'cloud_subscriptions', "organization_id = ? AND status = 'canceled'", ORGS.acme),
  },
];

function withKey(options: CallOptions, key: string): CallOptions {
  return { ...options, headers: { ...options.headers, 'Idempotency-Key': key } };
}

function answer(result: CallResult): { status: number; body: string } {
  return { status: result.status, body: result.text };
}

describe('Idempotency-Key', () => {
  it.each(CASES)('$name: a replay gets the first answer and changes nothing; the key on another request is a 422', async ({ method, path, options, other, effect }) => {
    const before = effect();
    const first = await app.call(method, path, withKey(options(), 'first-attempt-0001'));
    expect(first.status, first.text).toBeLessThan(300);
    const after = effect();
    expect(after).not.toBe(before);

    const replay = await app.call(method, path, withKey(options(), 'first-attempt-0001'));
    expect(answer(replay)).toEqual(answer(first));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('original-request')).toBe(first.headers.get('x-request-id'));
    expect(effect()).toBe(after);

    const mismatch = await app.call(method, path, withKey(other(), 'first-attempt-0001'));
    expect(errorBody(mismatch, 422).message).toBe(
      'This Idempotency-Key was already used with a different request: send a new key for a new request, or the same request to get its answer again',
    );
    expect(effect()).toBe(after);
  });

  it('replays a refusal too, and forgets a key after 24 hours', async () => {
    const code = (key: string, token: string, json: unknown) => app.call('POST', orgPath('acme', 'creditCode'), withKey({ token, json }, key));
    const refused = await code('retry-of-a-typo', 'adminAcme', { code: 'NOPE' });
    expect(errorBody(await code('retry-of-a-typo', 'adminAcme', { code: 'NOPE' }), 400).message).toBe(errorBody(refused, 400).message);
    // Keys are the caller's own: another user's same key is another request.
    expect((await code('retry-of-a-typo', 'billingAcme', { code: 'WELCOME100' })).status).toBe(200);
    app.clock.advance(24 * 60 * 60 * 1000 - 1);
    expect((await code('retry-of-a-typo', 'adminAcme', { code: 'PARTNER250' })).status).toBe(422);
    app.clock.advance(1);
    expect((await code('retry-of-a-typo', 'adminAcme', { code: 'PARTNER250' })).status).toBe(200);
  });

  it('two requests with one key at once: one runs, the other is told to retry, and the retry gets the first answer', async () => {
    const send = () => app.call('POST', orgPath('acme', 'creditCard'), withKey({ json: validCard(app.clock.now()) }, 'double-click-0001'));
    const before = countRows(app.db, 'credit_cards', 'organization_id = ?', ORGS.acme);
    const [one, two] = await Promise.all([send(), send()]);
    expect([one.status, two.status].sort()).toEqual([201, 409]);
    const busy = one.status === 409 ? one : two;
    expect(busy.headers.get('retry-after')).toBe('1');
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.text).toBe((one.status === 201 ? one : two).text);
    expect(countRows(app.db, 'credit_cards', 'organization_id = ?', ORGS.acme)).toBe(before + 1);
  });

  it('does not keep answers that say "later" (429): a retry runs', async () => {
    const limited = createTestApp({ rateLimits: { usageReportsPerHour: 0 } });
    try {
      const body = { from: '2028-01-01T00:00:00Z', to: '2028-02-01T00:00:00Z', report_expiration_in_seconds: 3600 };
      const refused = await limited.call('POST', orgPath('acme', 'billingUsageReport'), withKey({ json: body }, 'later-please-01'));
      expect(refused.status).toBe(429);
      expect(countRows(limited.db, 'idempotent_requests')).toBe(0);
    } finally {
      await limited.close();
    }
  });

  it('refuses a malformed key, and stores no card data', async () => {
    expect(errorBody(await app.call('POST', orgPath('acme', 'changePlan'), withKey({ json: { plan: 'TEAM_2025' } }, 'short')), 400).message).toMatch(/^Idempotency-Key must be/);
    await app.call('POST', orgPath('acme', 'creditCard'), withKey({ json: validCard(app.clock.now(), { number: '5555555555554444', cvv: '987' }) }, 'card-data-check'));
    const rows = app.db.prepare<[], { fingerprint: string; headers: string | null; body: Buffer | null }>('SELECT fingerprint, headers, body FROM idempotent_requests').all();
    const stored = rows.map((row) => `${row.fingerprint} ${row.headers ?? ''} ${row.body?.toString() ?? ''}`).join('\n');
    expect(stored).toContain('4444');
    expect(stored).not.toContain('5555555555554444');
    // The security code is three digits that an id or a timestamp may also hold: look for it as a value.
    expect(stored).not.toMatch(/cvv|cvc/i);
    const leaves = (value: unknown): unknown[] => (typeof value === 'object' && value !== null ? Object.values(value).flatMap(leaves) : [value]);
    for (const row of rows) {
      for (const text of [row.headers, row.body?.toString() ?? null]) {
        if (text) expect(leaves(JSON.parse(text)).map(String)).not.toContain('987');
      }
    }
  });
});

describe('Idempotency-Key on the hosted checkout page', () => {
  it('a replayed payment gets its first answer instead of "already used"', async () => {
    const link = await app.call('POST', `${CLOUD}?action=getpaymentlink&org_id=${ORGS.globex}&quantity=2`, { token: 'adminGlobex' });
    const path = new URL(linkResponseSchema.parse(link.json).response).pathname;
    const form = { body: new URLSearchParams({ number: '4242 4242 4242 4242', expiry_month: '12', expiry_year: String(year() + 2), cvv: '123' }).toString(), token: null };
    const pay = (key?: string) => app.call('POST', path, { ...form, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(key ? { 'Idempotency-Key': key } : {}) } });
    const first = await pay('checkout-pay-0001');
    expect(first.status).toBe(303);
    const replay = await pay('checkout-pay-0001');
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe(first.headers.get('location'));
    expect((await pay()).status).toBe(410);
    expect(countRows(app.db, 'cloud_subscriptions', "organization_id = ? AND status = 'active'", ORGS.globex)).toBe(1);
  });
});
