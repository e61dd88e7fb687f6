import { serve } from '@hono/node-server';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorBodySchema } from '#api/api-error';
import { billingHistoryResponseSchema, describeBillingResponseSchema, linkResponseSchema } from '#api/cloud-plans';
import { createApp } from '../app';
import { ORG_IDS } from '../db/seed';
import { readEnv } from '../env';
import { createLogger } from '../http/logger';
import { call, createTestApp, TOKENS, type TestApp } from './cloud-plans-app';

const BASE = '/api/v1/organizations/billing';
const UNKNOWN_ORG = '00000000-0000-4000-8000-000000000000';

const describePath = (orgId: string) => `${BASE}/describe?action=getorganization&org_id=${orgId}`;
const historyPath = (orgId: string) => `${BASE}/history?action=list_billing&org_id=${orgId}`;
const updatePath = (action: string, query = '') => `${BASE}/update?action=${action}${query}`;

const messageOf = (json: unknown) => errorBodySchema.parse(json).message;

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

async function describeOrg(orgId: string, token: string = TOKENS.adminAcme) {
  const response = await call(t.app, describePath(orgId), { token });
  expect(response.status).toBe(200);
  return describeBillingResponseSchema.parse(response.json).response;
}

async function history(orgId: string, token: string = TOKENS.adminAcme) {
  const response = await call(t.app, historyPath(orgId), { token });
  expect(response.status).toBe(200);
  return billingHistoryResponseSchema.parse(response.json).billing_history;
}

describe('Cloud Plans: authentication and routing', () => {
  it.each([
    ['GET', describePath(ORG_IDS.acme)],
    ['GET', historyPath(ORG_IDS.acme)],
    ['POST', updatePath('cancelsubscription', `&org_id=${ORG_IDS.acme}`)],
  ])('%s %s without a token answers 401 and changes nothing', async (method, path) => {
    const response = await call(t.app, path, { method, token: null });
    expect(response.status).toBe(401);
    expect(messageOf(response.json)).toContain('API token');
    expect((await describeOrg(ORG_IDS.acme)).subscription?.quantity).toBe('4');
  });

  it('refuses an unknown token', async () => {
    expect((await call(t.app, describePath(ORG_IDS.acme), { token: 'sbx_nobody' })).status).toBe(401);
  });

  it.each([
    ['GET', `${BASE}/describe?action=list_billing&org_id=${ORG_IDS.acme}`, 'Unknown action "list_billing"'],
    ['GET', `${BASE}/history?action=getorganization&org_id=${ORG_IDS.acme}`, 'Unknown action "getorganization"'],
    ['POST', updatePath('deletesubscription', `&org_id=${ORG_IDS.acme}`), 'Unknown action "deletesubscription"'],
    ['GET', `${BASE}/describe?org_id=${ORG_IDS.acme}`, 'The action query parameter is required'],
    ['POST', `${BASE}/update?org_id=${ORG_IDS.acme}`, 'The action query parameter is required'],
  ])('%s %s is a 400 naming the problem', async (method, path, message) => {
    const response = await call(t.app, path, { method });
    expect(response.status).toBe(400);
    expect(messageOf(response.json)).toContain(message);
  });

  it('answers 405 with Allow for the wrong method and 404 for an unknown operation', async () => {
    const wrong = await call(t.app, describePath(ORG_IDS.acme), { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('Allow')).toBe('GET');
    const update = await call(t.app, updatePath('cancelsubscription'), { method: 'GET' });
    expect(update.status).toBe(405);
    expect(update.headers.get('Allow')).toBe('POST');
    const unknown = await call(t.app, `${BASE}/invoices`);
    expect(unknown.status).toBe(404);
    expect(messageOf(unknown.json)).toContain('No Cloud Plans operation');
  });

  it('is not shadowed by the Qovery routes under /api', async () => {
    const qovery = await call(t.app, '/api/organization');
    expect(qovery.status).toBe(200);
    const response = await call(t.app, describePath(ORG_IDS.acme));
    expect(response.json).toMatchObject({ status: 200, response: { organization: { name: 'Acme Corp' } } });
  });
});

describe('Cloud Plans: describe (getorganization)', () => {
  it('gives an admin the organization, its owner and resources, the subscription and the card', async () => {
    const response = await call(t.app, describePath(ORG_IDS.acme));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      status: 200,
      response: {
        organization: { resources: 3, name: 'Acme Corp', id: ORG_IDS.acme, owner: 'admin@acme.test' },
        subscription: { payment_exp: '2026-03-23T10:00:00.000Z', plan: 'STANDARD', quantity: '4', paid_quantity: '4', period_start: '2026-02-23T10:00:00.000Z' },
        payment_method: { brand: 'VISA', last4: '4242', expiry_month: 12, expiry_year: 2028 },
      },
    });
  });

  it('says "no subscription" with null for Globex', async () => {
    const globex = await describeOrg(ORG_IDS.globex, TOKENS.adminGlobex);
    expect(globex.organization).toEqual({ resources: 1, name: 'Globex', id: ORG_IDS.globex, owner: 'admin@globex.test' });
    expect(globex.subscription).toBeNull();
    expect(globex.payment_method).toBeNull();
  });

  it('lets a billing manager read it, and refuses a viewer with 403', async () => {
    expect((await describeOrg(ORG_IDS.acme, TOKENS.billingAcme)).subscription?.quantity).toBe('4');
    const viewer = await call(t.app, describePath(ORG_IDS.acme), { token: TOKENS.viewerAcme });
    expect(viewer.status).toBe(403);
    expect(messageOf(viewer.json)).toContain('viewer');
    // Acme's admin is only a viewer in Globex.
    expect((await call(t.app, describePath(ORG_IDS.globex), { token: TOKENS.adminAcme })).status).toBe(403);
  });

  it('answers 404 for another organization, an unknown one and a malformed id, never data', async () => {
    for (const orgId of [ORG_IDS.acme, UNKNOWN_ORG, 'not-a-uuid']) {
      const response = await call(t.app, describePath(orgId), { token: TOKENS.adminGlobex });
      expect(response.status).toBe(404);
      expect(response.text).not.toContain('Acme');
    }
  });

  it('requires org_id (400 with the field) and accepts it from a JSON body', async () => {
    const missing = await call(t.app, `${BASE}/describe?action=getorganization`);
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ errors: [{ field: 'org_id', message: 'org_id is required' }] });
    const blank = await call(t.app, `${BASE}/describe?action=getorganization&org_id=%20`);
    expect(blank.status).toBe(400);
  });

  it('reads org_id from the body of a GET, as the contract documents it, on a real Node server', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the server has no port');
    const { port } = address;
    const send = (body: string) =>
      new Promise<{ status: number; json: unknown }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'GET',
            path: `${BASE}/describe?action=getorganization`,
            headers: { Authorization: `Bearer ${TOKENS.adminAcme}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      const ok = await send(JSON.stringify({ org_id: ORG_IDS.acme }));
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({ response: { organization: { id: ORG_IDS.acme } } });
      const bad = await send('{"org_id": ');
      expect(bad).toMatchObject({ status: 400, json: { message: 'The request body is not valid JSON' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reads a GET body only within the bounds of any other body: 413, and the connection closed past 8 MB', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the server has no port');
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    try {
      const outcome = await new Promise<{ status: number; connection: string | undefined; sentMegabytes: number }>((resolve, reject) => {
        let sent = 0;
        let answered = false;
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: address.port,
            method: 'GET',
            path: `${BASE}/describe?action=getorganization`,
            headers: { Authorization: `Bearer ${TOKENS.adminAcme}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
          },
          (res) => {
            answered = true;
            res.resume();
            resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, sentMegabytes: sent });
          },
        );
        req.on('error', (error) => (answered ? undefined : reject(error)));
        // Up to 50 MB, a megabyte at a time as the socket drains, until the server answers.
        const write = () => {
          while (!answered && sent < 50) {
            sent += 1;
            if (!req.write(chunk)) return void req.once('drain', write);
          }
          if (!answered) req.end();
        };
        write();
      });
      expect(outcome).toMatchObject({ status: 413, connection: 'close' });
      expect(outcome.sentMegabytes).toBeLessThan(30);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('Cloud Plans: history (list_billing)', () => {
  it('lists Acme’s payments newest first with string amounts and paid/unpaid statuses', async () => {
    const entries = await history(ORG_IDS.acme);
    expect(entries).toHaveLength(8);
    expect(entries.map((entry) => entry.date)).toEqual([...entries.map((entry) => entry.date)].sort().reverse());
    expect(entries[0]).toMatchObject({ status: 'unpaid', amount: '76.00', organization: ORG_IDS.acme, due_date: '2026-03-23T10:00:00.000Z' });
    expect(entries.filter((entry) => entry.status === 'paid')).toHaveLength(7);
    expect(entries.map((entry) => entry.amount)).toContain('57.00');
    for (const entry of entries) expect(entry.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('is empty for Globex, allowed to billing managers, refused to viewers and other organizations', async () => {
    expect(await history(ORG_IDS.globex, TOKENS.adminGlobex)).toEqual([]);
    expect(await history(ORG_IDS.acme, TOKENS.billingAcme)).toHaveLength(8);
    expect((await call(t.app, historyPath(ORG_IDS.acme), { token: TOKENS.viewerAcme })).status).toBe(403);
    expect((await call(t.app, historyPath(ORG_IDS.acme), { token: TOKENS.adminGlobex })).status).toBe(404);
  });
});

describe('Cloud Plans: getpaymentlink', () => {
  it('returns an absolute link to the sandbox checkout for the quantity, from the query string', async () => {
    const response = await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.globex}&quantity=3`), { method: 'POST', token: TOKENS.adminGlobex });
    expect(response.status).toBe(200);
    const link = linkResponseSchema.parse(response.json).response;
    expect(link).toMatch(/^http:\/\/localhost:4173\/sandbox\/checkout\/[A-Za-z0-9_-]{43}$/);
    const page = await call(t.app, new URL(link).pathname, { token: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<dt>Instances</dt><dd>3</dd>');
    // Getting a link changes nothing until it is paid.
    expect((await describeOrg(ORG_IDS.globex, TOKENS.adminGlobex)).subscription).toBeNull();
  });

  it('accepts the quantity from the JSON body as a number or a numeric string', async () => {
    for (const quantity of [2, '7']) {
      const response = await call(t.app, updatePath('getpaymentlink'), { method: 'POST', token: TOKENS.adminGlobex, body: { org_id: ORG_IDS.globex, quantity } });
      expect(response.status).toBe(200);
    }
  });

  it('takes org_id sent both ways when it is the same id, in any case, and refuses two different ones', async () => {
    const same = await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.globex}`), {
      method: 'POST',
      token: TOKENS.adminGlobex,
      body: { org_id: ORG_IDS.globex.toUpperCase(), quantity: 2 },
    });
    expect(same.status).toBe(200);
    const different = await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.globex}`), {
      method: 'POST',
      token: TOKENS.adminGlobex,
      body: { org_id: ORG_IDS.acme, quantity: 2 },
    });
    expect(different.status).toBe(400);
    expect(different.json).toMatchObject({ errors: [{ field: 'org_id', message: 'Sent twice with different values' }] });
    for (const orgId of [123, [ORG_IDS.globex], { id: ORG_IDS.globex }]) {
      const wrongType = await call(t.app, updatePath('getpaymentlink'), { method: 'POST', token: TOKENS.adminGlobex, body: { org_id: orgId, quantity: 2 } });
      expect(wrongType.json, JSON.stringify(orgId)).toMatchObject({ status: 400, errors: [{ field: 'org_id', message: 'org_id must be text: an organization id' }] });
    }
    const deep = await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.globex}`), {
      method: 'POST',
      token: TOKENS.adminGlobex,
      rawBody: `{"org_id": ${'['.repeat(6000)}${']'.repeat(6000)}}`,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(deep.status).toBe(400);
  });

  it.each([
    ['missing', '', 'Quantity is required'],
    ['zero', '&quantity=0', 'Quantity must be at least 1 instance'],
    ['negative', '&quantity=-2', 'Quantity must be at least 1 instance'],
    ['a fraction', '&quantity=1.5', 'Enter a whole number of instances from 1 to 1000'],
    ['text', '&quantity=many', 'Enter a whole number of instances from 1 to 1000'],
    ['too many', '&quantity=1001', 'Quantity can be at most 1000 instances'],
  ])('refuses a %s quantity with a 400 on the quantity field', async (_label, query, message) => {
    const response = await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.globex}${query}`), { method: 'POST', token: TOKENS.adminGlobex });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ status: 400, errors: [{ field: 'quantity', message }] });
  });

  it('refuses a parameter sent twice with different values, malformed JSON and a non-object body', async () => {
    const twice = await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.globex}&quantity=3`), {
      method: 'POST',
      token: TOKENS.adminGlobex,
      body: { org_id: ORG_IDS.globex, quantity: 4 },
    });
    expect(twice.status).toBe(400);
    expect(twice.json).toMatchObject({ errors: [{ field: 'quantity' }] });
    const same = await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.globex}&quantity=3`), {
      method: 'POST',
      token: TOKENS.adminGlobex,
      body: { org_id: ORG_IDS.globex, quantity: 3 },
    });
    expect(same.status).toBe(200);
    const malformed = await call(t.app, updatePath('getpaymentlink'), {
      method: 'POST',
      token: TOKENS.adminGlobex,
      rawBody: '{"quantity":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(malformed.json).toMatchObject({ status: 400, message: 'The request body is not valid JSON' });
    const list = await call(t.app, updatePath('getpaymentlink'), { method: 'POST', token: TOKENS.adminGlobex, body: [ORG_IDS.globex] });
    expect(list.json).toMatchObject({ status: 400, message: 'The request body must be a JSON object' });
  });

  it('is for admins only: billing managers and viewers get 403, before their input is even checked', async () => {
    for (const token of [TOKENS.billingAcme, TOKENS.viewerAcme]) {
      const response = await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.acme}&quantity=0`), { method: 'POST', token });
      expect(response.status).toBe(403);
    }
    expect((await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.acme}&quantity=2`), { method: 'POST', token: TOKENS.adminGlobex })).status).toBe(404);
  });

  it('answers 409 when the organization already has an active subscription', async () => {
    const response = await call(t.app, updatePath('getpaymentlink', `&org_id=${ORG_IDS.acme}&quantity=2`), { method: 'POST' });
    expect(response.status).toBe(409);
    expect(response.json).toMatchObject({ message: 'Acme Corp already has an active subscription: change its quantity instead' });
  });
});

describe('Cloud Plans: getupdatecardlink', () => {
  it('returns a link to the update-card page for admins and billing managers, not viewers', async () => {
    for (const token of [TOKENS.adminAcme, TOKENS.billingAcme]) {
      const response = await call(t.app, updatePath('getupdatecardlink'), { method: 'POST', token, body: { org_id: ORG_IDS.acme } });
      expect(response.status).toBe(200);
      expect(linkResponseSchema.parse(response.json).response).toMatch(/^http:\/\/localhost:4173\/sandbox\/payment-method\/[A-Za-z0-9_-]{43}$/);
    }
    expect((await call(t.app, updatePath('getupdatecardlink'), { method: 'POST', token: TOKENS.viewerAcme, body: { org_id: ORG_IDS.acme } })).status).toBe(403);
    expect((await call(t.app, updatePath('getupdatecardlink'), { method: 'POST', token: TOKENS.adminGlobex, body: { org_id: ORG_IDS.acme } })).status).toBe(404);
    expect((await call(t.app, updatePath('getupdatecardlink'), { method: 'POST', body: {} })).status).toBe(400);
  });
});

describe('Cloud Plans: updatesubscription', () => {
  it('raises the quantity and charges the added instances for the rest of the paid period', async () => {
    // Eight days of the 28-day period (Feb 23 to Mar 23) are left: 2 × $19 × 8/28 = $10.86.
    const response = await call(t.app, updatePath('updatesubscription'), { method: 'POST', body: { org_id: ORG_IDS.acme, quantity: 6 } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 200 });
    expect((await describeOrg(ORG_IDS.acme)).subscription).toEqual({
      payment_exp: '2026-03-23T10:00:00.000Z',
      plan: 'STANDARD',
      quantity: '6',
      paid_quantity: '6',
      period_start: '2026-02-23T10:00:00.000Z',
    });
    const [latest] = await history(ORG_IDS.acme);
    expect(latest).toMatchObject({
      status: 'paid',
      amount: '10.86',
      date: '2026-03-15T10:00:00.000Z',
      description: '2 more instances (4 to 6), prorated for 8 of 28 days to 2026-03-23',
    });
  });

  it('lowers the quantity without a charge, and the same quantity changes nothing', async () => {
    const before = await history(ORG_IDS.acme);
    for (const quantity of ['2', '2']) {
      const response = await call(t.app, updatePath('updatesubscription'), { method: 'POST', body: { org_id: ORG_IDS.acme, quantity } });
      expect(response.status).toBe(200);
    }
    expect((await describeOrg(ORG_IDS.acme)).subscription?.quantity).toBe('2');
    expect((await history(ORG_IDS.acme)).filter((entry) => entry.status === 'paid')).toEqual(before.filter((entry) => entry.status === 'paid'));
  });

  it('bills the next renewal at the new quantity, as the console says: a lower price from the next renewal', async () => {
    const renewal = async () => (await history(ORG_IDS.acme)).find((entry) => entry.status === 'unpaid');
    expect(await renewal()).toMatchObject({ amount: '76.00', description: 'Standard plan, 4 instances, 2026-03-23 to 2026-04-23' });
    for (const [quantity, amount, description] of [
      [1, '19.00', 'Standard plan, 1 instance, 2026-03-23 to 2026-04-23'],
      [6, '114.00', 'Standard plan, 6 instances, 2026-03-23 to 2026-04-23'],
    ] as const) {
      expect((await call(t.app, updatePath('updatesubscription'), { method: 'POST', body: { org_id: ORG_IDS.acme, quantity } })).status).toBe(200);
      expect(await renewal()).toMatchObject({ status: 'unpaid', amount, description, date: '2026-03-14T10:00:00.000Z', due_date: '2026-03-23T10:00:00.000Z' });
    }
  });

  it('charges only the instances above the most already paid for in the period', async () => {
    const setQuantity = async (quantity: number) => {
      const response = await call(t.app, updatePath('updatesubscription'), { method: 'POST', body: { org_id: ORG_IDS.acme, quantity } });
      expect(response.status).toBe(200);
    };
    const paid = async () => (await history(ORG_IDS.acme)).filter((entry) => entry.status === 'paid');
    const before = await paid();

    // 4 instances are paid until Mar 23: going down to 2 and back to 4 costs nothing more.
    await setQuantity(2);
    await setQuantity(4);
    expect(await paid()).toEqual(before);

    // Above them, only the instances never paid for are charged: 2, then 1 more after 6 → 3 → 7.
    await setQuantity(6);
    await setQuantity(3);
    await setQuantity(7);
    const charges = (await paid()).slice(0, 2).map(({ amount, description }) => ({ amount, description }));
    expect(charges).toEqual(
      expect.arrayContaining([
        { amount: '10.86', description: '2 more instances (4 to 6), prorated for 8 of 28 days to 2026-03-23' },
        { amount: '5.43', description: '1 more instance (3 to 7, 6 already paid for), prorated for 8 of 28 days to 2026-03-23' },
      ]),
    );
    expect(await paid()).toHaveLength(before.length + 2);
  });

  it('needs a positive quantity, an active subscription and an admin', async () => {
    for (const body of [{ org_id: ORG_IDS.acme }, { org_id: ORG_IDS.acme, quantity: 0 }, { org_id: ORG_IDS.acme, quantity: -1 }]) {
      const response = await call(t.app, updatePath('updatesubscription'), { method: 'POST', body });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ errors: [{ field: 'quantity' }] });
    }
    const none = await call(t.app, updatePath('updatesubscription'), { method: 'POST', token: TOKENS.adminGlobex, body: { org_id: ORG_IDS.globex, quantity: 2 } });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ message: 'Globex has no active subscription to update: start one first' });
    const manager = await call(t.app, updatePath('updatesubscription'), { method: 'POST', token: TOKENS.billingAcme, body: { org_id: ORG_IDS.acme, quantity: 9 } });
    expect(manager.status).toBe(403);
    expect((await describeOrg(ORG_IDS.acme)).subscription?.quantity).toBe('4');
  });
});

describe('Cloud Plans: cancelsubscription', () => {
  it('ends the subscription now and keeps the reason; a second cancel is a 400', async () => {
    const response = await call(t.app, updatePath('cancelsubscription'), { method: 'POST', body: { org_id: ORG_IDS.acme, reason: '  Moving to another provider  ' } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 200 });
    expect((await describeOrg(ORG_IDS.acme)).subscription).toBeNull();
    const stored = t.db
      .prepare<[string], { status: string; cancel_reason: string | null; canceled_at: string }>(
        'SELECT status, cancel_reason, canceled_at FROM cloud_subscriptions WHERE organization_id = ?',
      )
      .get(ORG_IDS.acme);
    expect(stored).toEqual({ status: 'canceled', cancel_reason: 'Moving to another provider', canceled_at: '2026-03-15T10:00:00.000Z' });
    // The payments stay; the renewal for the period after the cancellation is no longer owed.
    const after = await history(ORG_IDS.acme);
    expect(after).toHaveLength(7);
    expect(after.filter((entry) => entry.status === 'paid')).toHaveLength(7);

    const again = await call(t.app, updatePath('cancelsubscription'), { method: 'POST', body: { org_id: ORG_IDS.acme } });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ status: 400, message: 'Acme Corp has no active subscription to cancel' });
  });

  it('keeps an unpaid renewal that was already due when cancelling: that period has started', async () => {
    t.clock.now = new Date('2026-03-24T10:00:00.000Z');
    expect((await call(t.app, updatePath('cancelsubscription'), { method: 'POST', body: { org_id: ORG_IDS.acme } })).status).toBe(200);
    const unpaid = (await history(ORG_IDS.acme)).filter((entry) => entry.status === 'unpaid');
    expect(unpaid).toEqual([expect.objectContaining({ amount: '76.00', due_date: '2026-03-23T10:00:00.000Z' })]);
  });

  it('accepts no reason, refuses a reason over 500 characters, and is for admins only', async () => {
    const long = await call(t.app, updatePath('cancelsubscription'), { method: 'POST', body: { org_id: ORG_IDS.acme, reason: 'x'.repeat(501) } });
    expect(long.status).toBe(400);
    expect(long.json).toMatchObject({ errors: [{ field: 'reason', message: 'The reason can be at most 500 characters' }] });
    for (const token of [TOKENS.billingAcme, TOKENS.viewerAcme]) {
      expect((await call(t.app, updatePath('cancelsubscription'), { method: 'POST', token, body: { org_id: ORG_IDS.acme } })).status).toBe(403);
    }
    expect((await describeOrg(ORG_IDS.acme)).subscription?.quantity).toBe('4');
    const ok = await call(t.app, updatePath('cancelsubscription', `&org_id=${ORG_IDS.acme}`), { method: 'POST' });
    expect(ok.status).toBe(200);
    const stored = t.db.prepare<[string], { cancel_reason: string | null }>('SELECT cancel_reason FROM cloud_subscriptions WHERE organization_id = ?').get(ORG_IDS.acme);
    expect(stored?.cancel_reason).toBeNull();
  });

  it('is a 400 for an organization that never subscribed', async () => {
    const response = await call(t.app, updatePath('cancelsubscription'), { method: 'POST', token: TOKENS.adminGlobex, body: { org_id: ORG_IDS.globex } });
    expect(response.status).toBe(400);
  });
});

describe('Cloud Plans with a real backend', () => {
  it('answers 501 "not configured" when CLOUDPLANS_API_URL is unset', async () => {
    const { app } = createApp({ env: readEnv({ BILLING_BACKEND: 'qovery' }), logger: createLogger('silent') });
    for (const [method, path] of [
      ['GET', describePath(ORG_IDS.acme)],
      ['GET', historyPath(ORG_IDS.acme)],
      ['POST', updatePath('getpaymentlink')],
    ] as const) {
      const response = await call(app, path, { method });
      expect(response.status).toBe(501);
      expect(errorBodySchema.parse(response.json)).toMatchObject({ status: 501 });
      expect(messageOf(response.json)).toContain('Cloud Plans is not configured');
    }
  });
});
