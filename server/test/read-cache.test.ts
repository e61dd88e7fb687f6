import { afterEach, describe, expect, it } from 'vitest';
import { billingInfoSchema, invoiceListSchema } from '#api/contract';
import { openDatabase, type Db } from '../db/database';
import { hashToken } from '../db/ids';
import { EXTERNAL_CHECK_INTERVAL_MS, ReadCache, remember } from '../sandbox/read-cache';
import { createTestApp, orgPath, parsed, US_BILLING_INFO, type TestApp } from './helpers';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('read cache', () => {
  let app: TestApp | undefined;
  let other: Db | undefined;
  afterEach(async () => {
    other?.close();
    other = undefined;
    await app?.close();
    app = undefined;
  });

  it('remembers values, including "nobody", and forgets them all on clear', () => {
    const cache = new ReadCache(openDatabase(':memory:'));
    const area = cache.area<string | null>();
    let computed = 0;
    const lookup = () => remember(area, 'k', () => (computed++, null));
    expect(lookup()).toBeNull();
    expect(lookup()).toBeNull();
    expect(computed).toBe(1);
    cache.clear();
    lookup();
    expect(computed).toBe(2);
  });

  it('a write through the API is read back at once', async () => {
    app = createTestApp();
    const before = parsed(await app.call('GET', orgPath('acme', 'billingInfo')), 200, billingInfoSchema);
    expect(before.city).toBe('Paris');
    expect((await app.call('PUT', orgPath('acme', 'billingInfo'), { json: US_BILLING_INFO })).status).toBe(200);
    const after = parsed(await app.call('GET', orgPath('acme', 'billingInfo'), { token: 'billingAcme' }), 200, billingInfoSchema);
    expect(after.city).toBe('San Francisco');
  });

  it('a write by another process shows within the check interval', async () => {
    app = createTestApp();
    expect(parsed(await app.call('GET', orgPath('acme', 'billingInfo')), 200, billingInfoSchema).city).toBe('Paris');
    const invoices = parsed(await app.call('GET', orgPath('acme', 'invoice')), 200, invoiceListSchema).results ?? [];

    // Another connection, as `npm run sandbox:reset` would be while the server runs.
    other = openDatabase(app.dbFile);
    other.prepare("UPDATE billing_info SET city = 'Lyon'").run();
    other.prepare('DELETE FROM invoices WHERE id = ?').run(invoices[0]?.id);
    await wait(EXTERNAL_CHECK_INTERVAL_MS + 20);

    expect(parsed(await app.call('GET', orgPath('acme', 'billingInfo')), 200, billingInfoSchema).city).toBe('Lyon');
    expect(parsed(await app.call('GET', orgPath('acme', 'invoice')), 200, invoiceListSchema).results).toHaveLength(invoices.length - 1);
  });

  it('a token revoked by another process stops working, and a membership removed answers 404', async () => {
    app = createTestApp();
    expect((await app.call('GET', orgPath('acme', 'billingStatus'), { token: 'viewerAcme' })).status).toBe(200);
    expect((await app.call('GET', orgPath('acme', 'billingStatus'), { token: 'billingAcme' })).status).toBe(200);

    other = openDatabase(app.dbFile);
    other.prepare('DELETE FROM api_tokens WHERE token_hash = ?').run(hashToken('sbx_viewer_acme'));
    other.prepare("DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = 'finance@acme.test')").run();
    await wait(EXTERNAL_CHECK_INTERVAL_MS + 20);

    expect((await app.call('GET', orgPath('acme', 'billingStatus'), { token: 'viewerAcme' })).status).toBe(401);
    expect((await app.call('GET', orgPath('acme', 'billingStatus'), { token: 'billingAcme' })).status).toBe(404);
  });

  it('a plan change through the API shows on the organization at once', async () => {
    app = createTestApp();
    expect((await app.call('GET', orgPath('acme'))).json).toMatchObject({ plan: 'TEAM_2025' });
    expect((await app.call('POST', orgPath('acme', 'changePlan'), { json: { plan: 'BUSINESS_2025' } })).status).toBe(200);
    expect((await app.call('GET', orgPath('acme'))).json).toMatchObject({ plan: 'BUSINESS_2025' });
    expect((await app.call('GET', orgPath('acme', 'currentCost'))).json).toMatchObject({ plan: 'BUSINESS_2025' });
  });
});

describe('read cache size under unknown callers', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('unknown tokens and foreign organization ids add nothing to the cache', async () => {
    app = createTestApp();
    expect((await app.call('GET', orgPath('acme', 'billingStatus'))).status).toBe(200);
    const warm = app.sandbox.cache.size;
    for (let i = 0; i < 200; i++) {
      const token = `bogus_${i}_${'x'.repeat(1000)}`;
      expect((await app.call('GET', orgPath('acme', 'billingStatus'), { token })).status).toBe(401);
      const randomOrg = `/api/organization/${crypto.randomUUID()}/billingStatus`;
      expect((await app.call('GET', randomOrg)).status).toBe(404);
    }
    expect(app.sandbox.cache.size).toBe(warm);
    // Hits are still served from the cache.
    expect((await app.call('GET', orgPath('acme', 'billingStatus'))).status).toBe(200);
    expect(app.sandbox.cache.size).toBe(warm);
  });
});
