import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { organizationEventListSchema, type OrganizationEvent } from '#api/organization-events';
import { countRows, createTestApp, errorBody, listen, orgPath, ORGS, parsed, US_BILLING_INFO, validCard, type CallOptions, type TestApp } from './helpers';
import { RESOURCES } from './operations';

// Mid-month, mid-day: no boundary near, in any time zone.
const NOW = new Date('2030-03-15T12:00:00.000Z');
const CONSOLE = { 'X-Event-Origin': 'CONSOLE', 'User-Agent': 'Mozilla/5.0 (console test)' };
const GATEWAY_TOKEN = 'gw_test_token_0123456789';
const CLOUD_PLANS = '/api/v1/organizations/billing';
const DAY = 24 * 3600 * 1000;

const ACME = { target_type: 'ORGANIZATION', target_id: ORGS.acme, target_name: 'Acme Corp' };
const GLOBEX = { target_type: 'ORGANIZATION', target_id: ORGS.globex, target_name: 'Globex' };

describe('billing activity (getOrganizationEvents)', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp({ now: NOW, env: { QOVERY_API_KEY: 'sbx_admin_acme', GATEWAY_TOKEN } });
  });
  afterEach(() => app.close());

  const eventCount = (org = ORGS.acme) => countRows(app.db, 'organization_events', 'organization_id = ?', org);
  async function events(query = '', token: CallOptions['token'] = 'adminAcme', org: 'acme' | 'globex' = 'acme') {
    return parsed(await app.call('GET', `${orgPath(org, 'events')}${query}`, { token }), 200, organizationEventListSchema);
  }
  async function latest(org: 'acme' | 'globex' = 'acme'): Promise<OrganizationEvent> {
    const [event] = (await events('?pageSize=1', org === 'acme' ? 'adminAcme' : 'adminGlobex', org)).events ?? [];
    if (!event) throw new Error('No event was recorded');
    return event;
  }
  const json = (value: string | null | undefined): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

  /** Runs a change and checks it recorded exactly one event, which it returns. */
  async function oneEvent(change: () => Promise<{ status: number; text: string }>, status: number, org: 'acme' | 'globex' = 'acme') {
    const before = eventCount(ORGS[org]);
    const result = await change();
    expect(result.status, result.text.slice(0, 200)).toBe(status);
    expect(eventCount(ORGS[org])).toBe(before + 1);
    return latest(org);
  }

  describe('each change of the Qovery contract records one event, in words a log can show', () => {
    it('editOrganizationBillingInfo: the changed fields, before and after', async () => {
      const event = await oneEvent(() => app.call('PUT', orgPath('acme', 'billingInfo'), { json: US_BILLING_INFO, headers: CONSOLE }), 200);
      expect(event).toMatchObject({
        ...ACME,
        event_type: 'UPDATE',
        sub_target_type: 'BILLING_INFO',
        origin: 'CONSOLE',
        triggered_by: 'admin@acme.test',
        user_agent: 'Mozilla/5.0 (console test)',
      });
      expect(json(event.change)).toMatchObject({ country_code: 'US', city: 'San Francisco', vat_number: null });
      expect(json(event.original_change)).toMatchObject({ country_code: 'FR', vat_number: 'FR32123456789' });
      expect(event.timestamp).toBe('2030-03-15T12:00:00.000000000Z');
      // The same values again change nothing, and say so by recording nothing.
      const again = await app.call('PUT', orgPath('acme', 'billingInfo'), { json: US_BILLING_INFO });
      expect(again.status).toBe(200);
      expect(eventCount()).toBe(1);
    });

    it('changePlan: from one plan to the other, by an API token when the request does not say', async () => {
      const event = await oneEvent(() => app.call('POST', orgPath('acme', 'changePlan'), { json: { plan: 'BUSINESS_2025' }, headers: { 'User-Agent': 'curl/8.5.0' } }), 200);
      expect(event).toMatchObject({ ...ACME, event_type: 'UPDATE', sub_target_type: 'PLAN', origin: 'API', triggered_by: 'admin@acme.test', user_agent: 'curl/8.5.0' });
      expect(json(event.change)).toEqual({ plan: 'BUSINESS_2025' });
      expect(json(event.original_change)).toEqual({ plan: 'TEAM_2025' });
    });

    it('addCreditCode: the code and what it credited, by any member', async () => {
      const event = await oneEvent(() => app.call('POST', orgPath('acme', 'creditCode'), { json: { code: 'welcome100' }, token: 'viewerAcme', headers: CONSOLE }), 200);
      expect(event).toMatchObject({ ...ACME, event_type: 'CREATE', sub_target_type: 'CREDIT_CODE', origin: 'CONSOLE', triggered_by: 'dev@acme.test', original_change: null });
      expect(json(event.change)).toEqual({ code: 'WELCOME100', amount_in_cents: 10000, currency_code: 'USD' });
    });

    it('addCreditCard and deleteCreditCard: a card is its brand, last 4 and expiry', async () => {
      const added = await oneEvent(
        () => app.call('POST', orgPath('acme', 'creditCard'), { json: validCard(NOW, { number: '5555 5555 5555 4444', cvv: '987' }), token: 'billingAcme' }),
        201,
      );
      expect(added).toMatchObject({ ...ACME, event_type: 'CREATE', sub_target_type: 'CREDIT_CARD', triggered_by: 'finance@acme.test' });
      expect(json(added.change)).toMatchObject({ brand: 'MASTERCARD', last_digit: '4444', expiry_month: 12, expiry_year: 2032 });

      const removed = await oneEvent(() => app.call('DELETE', orgPath('acme', `creditCard/${RESOURCES.acme.creditCardId}`), { headers: CONSOLE }), 204);
      expect(removed).toMatchObject({ ...ACME, event_type: 'DELETE', sub_target_type: 'CREDIT_CARD', origin: 'CONSOLE' });
      expect(json(removed.original_change)).toEqual({ id: RESOURCES.acme.creditCardId, brand: 'VISA', last_digit: '4242', expiry_month: 12, expiry_year: 2032 });
    });

    it('generateBillingUsageReport and downloadInvoices are exports', async () => {
      const report = await oneEvent(
        () =>
          app.call('POST', orgPath('acme', 'billingUsageReport'), {
            json: { from: '2030-02-01T00:00:00Z', to: '2030-03-01T00:00:00Z', report_expiration_in_seconds: 3600 },
            token: 'billingAcme',
          }),
        200,
      );
      expect(report).toMatchObject({ ...ACME, event_type: 'EXPORT', sub_target_type: 'BILLING_USAGE_REPORT' });
      expect(json(report.change)).toMatchObject({ from: '2030-02-01T00:00:00.000Z', to: '2030-03-01T00:00:00.000Z' });

      const all = await oneEvent(() => app.call('POST', orgPath('acme', 'downloadInvoices'), { token: 'billingAcme' }), 202);
      // The contract has no invoice sub-target.
      expect(all).toMatchObject({ ...ACME, event_type: 'EXPORT', sub_target_type: null, triggered_by: 'finance@acme.test' });
      expect(json(all.change)).toEqual({ invoices: 'all' });
    });
    it('revoking a usage report through its signed link: the generator, through what they generated it, once', async () => {
      const generated = await app.call('POST', orgPath('acme', 'billingUsageReport'), {
        json: { from: '2030-02-01T00:00:00Z', to: '2030-03-01T00:00:00Z', report_expiration_in_seconds: 3600 },
        token: 'billingAcme',
        headers: CONSOLE,
      });
      const deleteUrl = new URL(z.object({ delete_report_url: z.string() }).parse(generated.json).delete_report_url);
      const revokeLink = () => app.call('DELETE', `${deleteUrl.pathname}${deleteUrl.search}`, { token: null, headers: { 'User-Agent': 'A script with the link' } });

      const revoked = await oneEvent(revokeLink, 204);
      expect(revoked).toMatchObject({
        ...ACME,
        event_type: 'DELETE',
        sub_target_type: 'BILLING_USAGE_REPORT',
        triggered_by: 'finance@acme.test',
        origin: 'CONSOLE',
        user_agent: 'A script with the link',
      });
      const { id } = z.object({ id: z.string() }).parse(json(revoked.change));
      expect(json(revoked.change)).toEqual({ id, revoked_at: NOW.toISOString() });
      expect(json(revoked.original_change)).toEqual({ id, from: '2030-02-01T00:00:00.000Z', to: '2030-03-01T00:00:00.000Z', expires_at: '2030-03-15T13:00:00.000Z' });

      // The report is gone: revoking it again changes nothing and records nothing.
      const before = eventCount();
      expect((await revokeLink()).status).toBe(404);
      expect(eventCount()).toBe(before);
    });
  });

  describe('each change of the Cloud Plans contract and its hosted pages records one event', () => {
    const update = (action: string, body: Record<string, unknown>, headers: Record<string, string> = CONSOLE) =>
      app.call('POST', `${CLOUD_PLANS}/update?action=${action}`, { token: 'adminGlobex', json: { org_id: ORGS.globex, ...body }, headers });
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const card = { number: '4242 4242 4242 4242', cvv: '321', expiry_month: '11', expiry_year: '2033' };
    const pay = (link: string, fields = card) =>
      app.call('POST', link, { token: null, body: form(fields), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Hosted page browser' } });
    const link = async (action: string, body: Record<string, unknown> = {}) => z.object({ response: z.string() }).parse((await update(action, body)).json).response;

    it('the checkout, a quantity change, a card update and the cancellation, attributed to who asked for the link', async () => {
      const paymentLink = await link('getpaymentlink', { quantity: 3 });
      // Asking for a link changes nothing yet.
      expect(eventCount(ORGS.globex)).toBe(0);
      const subscribed = await oneEvent(() => pay(paymentLink), 303, 'globex');
      expect(subscribed).toMatchObject({
        ...GLOBEX,
        event_type: 'CREATE',
        sub_target_type: 'PLAN',
        origin: 'CONSOLE',
        triggered_by: 'admin@globex.test',
        user_agent: 'Hosted page browser',
      });
      expect(json(subscribed.change)).toEqual({ plan: 'STANDARD', quantity: 3, card: { brand: 'VISA', last_digit: '4242', expiry_month: 11, expiry_year: 2033 } });

      const raised = await oneEvent(() => update('updatesubscription', { quantity: 5 }, {}), 200, 'globex');
      expect(raised).toMatchObject({ event_type: 'UPDATE', sub_target_type: 'PLAN', origin: 'API' });
      expect([json(raised.original_change), json(raised.change)]).toEqual([{ quantity: 3 }, { quantity: 5 }]);

      const cardLink = await link('getupdatecardlink');
      const newCard = await oneEvent(() => pay(cardLink, { ...card, number: '5555 5555 5555 4444', cvv: '654' }), 303, 'globex');
      expect(newCard).toMatchObject({ event_type: 'UPDATE', sub_target_type: 'CREDIT_CARD', origin: 'CONSOLE' });
      expect(json(newCard.original_change)).toMatchObject({ brand: 'VISA', last_digit: '4242' });
      expect(json(newCard.change)).toMatchObject({ brand: 'MASTERCARD', last_digit: '4444' });

      const canceled = await oneEvent(() => update('cancelsubscription', { reason: 'Too expensive' }), 200, 'globex');
      expect(canceled).toMatchObject({ event_type: 'DELETE', sub_target_type: 'PLAN' });
      expect(json(canceled.change)).toEqual({ status: 'canceled', reason: 'Too expensive' });
      expect(json(canceled.original_change)).toEqual({ plan: 'STANDARD', quantity: 5, status: 'active' });

      // Newest first; a quantity "change" to the same number records nothing (there is no subscription left to change anyway).
      expect((await events('', 'adminGlobex', 'globex')).events?.map((event) => `${event.event_type} ${event.sub_target_type}`)).toEqual([
        'DELETE PLAN',
        'UPDATE CREDIT_CARD',
        'UPDATE PLAN',
        'CREATE PLAN',
      ]);
    });
  });

  describe('the gateway records its calls as such', () => {
    it("REST: origin API, the gateway key's user, the gateway and the caller in the user agent", async () => {
      const event = await oneEvent(
        () =>
          app.call('POST', `/v1/organization/${ORGS.acme}/changeplan`, { token: GATEWAY_TOKEN, json: { plan: 'ENTERPRISE_2025' }, headers: { 'User-Agent': 'ops-script/1.0' } }),
        200,
      );
      expect(event).toMatchObject({
        ...ACME,
        event_type: 'UPDATE',
        sub_target_type: 'PLAN',
        origin: 'API',
        triggered_by: 'admin@acme.test',
        user_agent: 'billing-gateway REST (ops-script/1.0)',
      });
      // A caller of the gateway cannot pass itself off as the console: the gateway says where the call comes from.
      await oneEvent(() => app.call('POST', `/v1/organization/${ORGS.acme}/creditcode`, { token: GATEWAY_TOKEN, json: { code: 'PARTNER250' }, headers: CONSOLE }), 200);
      expect((await latest()).origin).toBe('API');
      const read = await app.call('GET', `/v1/organization/${ORGS.acme}/events?subTargetType=PLAN`, { token: GATEWAY_TOKEN });
      expect(organizationEventListSchema.parse(read.json).events?.map((one) => one.change)).toEqual(['{"plan":"ENTERPRISE_2025"}']);
    });

    it('MCP tools: origin SKILL and the tool in the user agent; the events tool reads with filters', async () => {
      const server = await listen(app.app);
      const client = new Client({ name: 'events-test', version: '1.0.0' });
      try {
        await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', server.url), { requestInit: { headers: { Authorization: `Bearer ${GATEWAY_TOKEN}` } } }));
        await oneEvent(
          () => client.callTool({ name: 'add-credit-code', arguments: { organizationId: ORGS.acme, body: { code: 'WELCOME100' } } }).then(() => ({ status: 200, text: '' })),
          200,
        );
        expect(await latest()).toMatchObject({
          origin: 'SKILL',
          triggered_by: 'admin@acme.test',
          user_agent: 'billing-gateway MCP tool add-credit-code',
          sub_target_type: 'CREDIT_CODE',
        });
        const before = eventCount();
        const listed = await client.callTool({ name: 'get-organization-events', arguments: { organizationId: ORGS.acme, query: { origin: 'SKILL', pageSize: 5 } } });
        const content = z.array(z.object({ text: z.string() })).parse(listed.content);
        const answer = organizationEventListSchema.parse(JSON.parse(content[0]?.text ?? ''));
        expect(answer.events?.map((event) => event.sub_target_type)).toEqual(['CREDIT_CODE']);
        // Reading is not a change.
        expect(eventCount()).toBe(before);
      } finally {
        await client.close();
        await server.close();
      }
    });
  });

  describe('a failed or refused change records none', () => {
    it.each([
      {
        why: 'a declined card (400)',
        run: (t: TestApp) => t.call('POST', orgPath('acme', 'creditCard'), { json: validCard(NOW, { number: '4000 0000 0000 0002' }) }),
        status: 400,
      },
      { why: 'an invalid body (400)', run: (t: TestApp) => t.call('PUT', orgPath('acme', 'billingInfo'), { json: { ...US_BILLING_INFO, zip: '' } }), status: 400 },
      {
        why: 'a viewer changing the plan (403)',
        run: (t: TestApp) => t.call('POST', orgPath('acme', 'changePlan'), { json: { plan: 'BUSINESS_2025' }, token: 'viewerAcme' }),
        status: 403,
      },
      {
        why: 'another organization (404)',
        run: (t: TestApp) => t.call('POST', orgPath('acme', 'changePlan'), { json: { plan: 'BUSINESS_2025' }, token: 'adminGlobex' }),
        status: 404,
      },
      { why: 'an unknown credit code (400)', run: (t: TestApp) => t.call('POST', orgPath('acme', 'creditCode'), { json: { code: 'NOPE' } }), status: 400 },
      { why: 'an unknown card (404)', run: (t: TestApp) => t.call('DELETE', orgPath('acme', `creditCard/${ORGS.globex}`)), status: 404 },
    ])('$why', async ({ run, status }) => {
      errorBody(await run(app), status);
      expect(eventCount()).toBe(0);
      expect(eventCount(ORGS.globex)).toBe(0);
    });

    it('an idempotent replay (same key) and a key reused for another request (422)', async () => {
      const headers = { 'Idempotency-Key': 'events-test-key-1' };
      expect((await app.call('POST', orgPath('acme', 'changePlan'), { json: { plan: 'BUSINESS_2025' }, headers })).status).toBe(200);
      const replay = await app.call('POST', orgPath('acme', 'changePlan'), { json: { plan: 'BUSINESS_2025' }, headers });
      expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
      errorBody(await app.call('POST', orgPath('acme', 'changePlan'), { json: { plan: 'ENTERPRISE_2025' }, headers }), 422);
      expect(eventCount()).toBe(1);
    });

    it('a rate-limited credit code (429)', async () => {
      const limited = createTestApp({ now: NOW, rateLimits: { creditCodeFailures: 1 } });
      try {
        errorBody(await limited.call('POST', orgPath('acme', 'creditCode'), { json: { code: 'NOPE' } }), 400);
        errorBody(await limited.call('POST', orgPath('acme', 'creditCode'), { json: { code: 'WELCOME100' } }), 429);
        expect(countRows(limited.db, 'organization_events')).toBe(0);
      } finally {
        await limited.close();
      }
    });
  });

  it('never holds a card number or security code', async () => {
    await app.call('POST', orgPath('acme', 'creditCard'), { json: validCard(NOW, { number: '3782 822463 10005', cvv: '7391' }) });
    await app.call('POST', orgPath('acme', 'creditCard'), { json: validCard(NOW, { number: '4000 0000 0000 0002', cvv: '846' }) });
    const recorded = z.array(z.record(z.string(), z.unknown())).parse(app.db.prepare('SELECT * FROM organization_events').all());
    expect(recorded).toHaveLength(1);
    // Every column but the random ids, which could hold any few digits by chance.
    const rows = JSON.stringify(
      recorded.map(({ id: _id, change, ...rest }) => ({ ...rest, change: { ...z.record(z.string(), z.unknown()).parse(JSON.parse(String(change))), id: null } })),
    );
    expect(rows).toContain('AMEX');
    for (const secret of ['378282246310005', '3782 822463 10005', '7391', '4000000000000002', '846']) expect(rows).not.toContain(secret);
  });

  describe('reading', () => {
    /** Five events a minute apart, alternating between two people and two kinds. */
    async function fiveChanges() {
      for (const [index, plan] of ['BUSINESS_2025', 'ENTERPRISE_2025', 'TEAM_2025'].entries()) {
        if (index > 0) app.clock.advance(60_000);
        await app.call('POST', orgPath('acme', 'changePlan'), { json: { plan }, headers: index === 1 ? CONSOLE : {} });
        app.clock.advance(60_000);
        if (index < 2) await app.call('POST', orgPath('acme', 'creditCard'), { json: validCard(NOW), token: 'billingAcme' });
      }
      expect(eventCount()).toBe(5);
    }
    const kinds = (list: { events?: OrganizationEvent[] }) => list.events?.map((event) => `${event.sub_target_type}:${event.triggered_by}`);

    it("filters by each of the contract's fields, and answers an empty list for what is not billing", async () => {
      await fiveChanges();
      expect(kinds(await events('?subTargetType=CREDIT_CARD'))).toEqual(['CREDIT_CARD:finance@acme.test', 'CREDIT_CARD:finance@acme.test']);
      expect(kinds(await events('?triggeredBy=ADMIN@acme.test'))).toEqual(['PLAN:admin@acme.test', 'PLAN:admin@acme.test', 'PLAN:admin@acme.test']);
      expect((await events('?origin=CONSOLE')).events?.map((event) => event.change)).toEqual(['{"plan":"ENTERPRISE_2025"}']);
      expect((await events('?eventType=CREATE')).events).toHaveLength(2);
      expect((await events(`?targetType=ORGANIZATION&targetId=${ORGS.acme.toUpperCase()}`)).events).toHaveLength(5);
      // From the second event to the fourth, both included.
      const range = await events('?fromTimestamp=2030-03-15T12:01:00Z&toTimestamp=2030-03-15T12:03:00.000000000Z');
      expect(range.events?.map((event) => event.timestamp)).toEqual(['2030-03-15T12:03:00.000000000Z', '2030-03-15T12:02:00.000000000Z', '2030-03-15T12:01:00.000000000Z']);
      for (const query of [
        '?eventType=DEPLOY_QUEUED',
        '?targetType=APPLICATION',
        '?subTargetType=API_TOKEN',
        `?targetId=${ORGS.globex}`,
        '?serviceProjectId=x',
        '?triggeredBy=nobody@acme.test',
      ]) {
        expect((await events(query)).events, query).toEqual([]);
      }
      for (const query of ['?eventType=NAP', '?pageSize=0', '?pageSize=101', '?fromTimestamp=yesterday', '?origin=SOMEWHERE']) {
        errorBody(await app.call('GET', `${orgPath('acme', 'events')}${query}`), 400);
      }
    });

    it('pages newest first with links and tokens, forward and back, even for events of the same instant', async () => {
      // Three changes within the same millisecond: the clock does not move.
      for (const plan of ['BUSINESS_2025', 'ENTERPRISE_2025', 'TEAM_2025']) await app.call('POST', orgPath('acme', 'changePlan'), { json: { plan } });
      await app.call('POST', orgPath('acme', 'creditCode'), { json: { code: 'WELCOME100' } });
      await app.call('POST', orgPath('acme', 'creditCode'), { json: { code: 'PARTNER250' } });
      const first = await events('?pageSize=2&subTargetType=PLAN');
      expect(first.events?.map((event) => event.change)).toEqual(['{"plan":"TEAM_2025"}', '{"plan":"ENTERPRISE_2025"}']);
      expect(first.events?.map((event) => event.timestamp)).toEqual(['2030-03-15T12:00:00.000000002Z', '2030-03-15T12:00:00.000000001Z']);
      expect(first.links?.previous).toBeUndefined();
      const next = new URL(first.links?.next ?? '');
      expect(next.origin + next.pathname).toBe(`http://localhost:4173/api/organization/${ORGS.acme}/events`);
      expect(Object.fromEntries(next.searchParams)).toEqual({ pageSize: '2', subTargetType: 'PLAN', continueToken: '2030-03-15T12:00:00.000000001Z' });

      const second = await events(next.search);
      expect(second.events?.map((event) => event.change)).toEqual(['{"plan":"BUSINESS_2025"}']);
      expect(second.links?.next).toBeUndefined();
      const back = await events(new URL(second.links?.previous ?? '').search);
      expect(back.events?.map((event) => event.change)).toEqual(['{"plan":"TEAM_2025"}', '{"plan":"ENTERPRISE_2025"}']);
      expect((await events()).events).toHaveLength(5);
    });

    it("keeps to the plan's retention and says when older events are hidden", async () => {
      await app.call('POST', orgPath('acme', 'creditCode'), { json: { code: 'WELCOME100' } });
      // Team (2025) keeps 30 days.
      app.clock.advance(29 * DAY);
      await app.call('POST', orgPath('acme', 'creditCode'), { json: { code: 'PARTNER250' } });
      const within = await events();
      expect(within.events).toHaveLength(2);
      expect(within.organization_max_limit_reached).toBe(false);
      expect((await events('?fromTimestamp=2030-01-01T00:00:00Z')).organization_max_limit_reached).toBe(true);

      app.clock.advance(2 * DAY);
      const after = await events();
      expect(after.events?.map((event) => event.change)).toEqual(['{"code":"PARTNER250","amount_in_cents":25000,"currency_code":"USD"}']);
      expect(after.organization_max_limit_reached).toBe(true);
      // Enterprise (2025) keeps a year: the older event is back.
      await app.call('POST', orgPath('acme', 'changePlan'), { json: { plan: 'ENTERPRISE_2025' } });
      expect((await events()).events).toHaveLength(3);
    });

    it('admins and billing managers read; viewers 403; other organizations 404; no token 401', async () => {
      await app.call('POST', orgPath('acme', 'changePlan'), { json: { plan: 'BUSINESS_2025' } });
      expect((await events('', 'billingAcme')).events).toHaveLength(1);
      errorBody(await app.call('GET', orgPath('acme', 'events'), { token: 'viewerAcme' }), 403);
      errorBody(await app.call('GET', orgPath('acme', 'events'), { token: 'adminGlobex' }), 404);
      // Acme's admin is a viewer of Globex.
      errorBody(await app.call('GET', orgPath('globex', 'events'), { token: 'adminAcme' }), 403);
      errorBody(await app.call('GET', orgPath('acme', 'events'), { token: null }), 401);
    });
  });
});
