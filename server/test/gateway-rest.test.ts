import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { errorBodySchema } from '#api/api-error';
import { ORG_IDS } from '../db/seed';
import { GATEWAY_TOKEN, sandboxFixture, type SandboxFixture } from './gateway-harness';
import { withoutRequestId } from './helpers';

type Call = (path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Answer>;

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

const ACME = ORG_IDS.acme;
const UNKNOWN_ORG = '00000000-0000-4000-8000-000000000000';
const listSchema = z.object({ results: z.array(z.object({ id: z.string() })) });
const FUTURE_YEAR = new Date().getUTCFullYear() + 3;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Ids created at random by the sandbox (cards, reports) and the signatures over them differ between two apps; the rest must not. */
function maskNewIds(value: unknown, known: ReadonlySet<string>): unknown {
  const text = JSON.stringify(value)
    .replace(UUID, (id) => (known.has(id) ? id : '<new id>'))
    .replace(/signature=[\w-]+/g, 'signature=<signature>');
  return JSON.parse(text);
}

function caller(fetch: (path: string, init: RequestInit) => Response | Promise<Response>, prefix: string, authorization: string): Call {
  return async (path, init = {}) => {
    const headers: Record<string, string> = { Authorization: authorization, ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${prefix}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : JSON.parse(text), headers: res.headers };
  };
}

const acmeApi = (token: string, fixture: ReturnType<SandboxFixture['open']>) =>
  caller((path, init) => fixture.app.request(path, init), `/api/organization/${ACME}`, `Bearer ${token}`);
const acmeGateway = (fixture: ReturnType<SandboxFixture['open']>, org = ACME) =>
  caller((path, init) => fixture.app.request(path, init), `/v1/organization/${org}`, `Bearer ${GATEWAY_TOKEN}`);

describe('gateway REST adapter (seed 004) over the sandbox', () => {
  let fixture: SandboxFixture;
  let app: ReturnType<SandboxFixture['open']>;
  let ids: { cluster: string; invoice: string; card: string };

  beforeAll(async () => {
    fixture = sandboxFixture();
    app = fixture.open({ QOVERY_API_KEY: 'sbx_admin_acme', GATEWAY_TOKEN });
    const api = acmeApi('sbx_admin_acme', app);
    const clusters = await api('/cluster');
    const invoices = await api('/invoice');
    const cards = await api('/creditCard');
    const firstId = (list: unknown) => {
      const id = listSchema.parse(list).results[0]?.id;
      if (!id) throw new Error('The seed has no such resource');
      return id;
    };
    ids = { cluster: firstId(clusters.body), invoice: firstId(invoices.body), card: firstId(cards.body) };
  });

  afterAll(async () => {
    await app.sandbox?.mailer.idle();
    fixture.cleanup();
  });

  it('answers every read-only route exactly as the contract route does for the same key', async () => {
    const api = acmeApi('sbx_admin_acme', app);
    const gateway = acmeGateway(app);
    const reads: Array<[string, string]> = [
      ['/billingexternalid', '/billingExternalId'],
      ['/billinginfo', '/billingInfo'],
      ['/billingstatus', '/billingStatus'],
      [`/cluster/${ids.cluster}/currentcost`, `/cluster/${ids.cluster}/currentCost`],
      ['/creditcard', '/creditCard'],
      ['/currentcost', '/currentCost'],
      ['/invoice', '/invoice'],
      [`/invoice/${ids.invoice}`, `/invoice/${ids.invoice}`],
      [`/invoice/${ids.invoice}/download`, `/invoice/${ids.invoice}/download`],
    ];
    for (const [restPath, contractPath] of reads) {
      const direct = await api(contractPath);
      const viaGateway = await gateway(restPath);
      expect(direct.status, contractPath).toBe(200);
      expect({ status: viaGateway.status, body: viaGateway.body }, restPath).toEqual({ status: direct.status, body: direct.body });
    }
  });

  it('signs invoice links for PUBLIC_URL, whatever host the gateway was called at', async () => {
    const res = await app.app.request(`http://evil.example/v1/organization/${ACME}/invoice/${ids.invoice}/download`, {
      headers: { Authorization: `Bearer ${GATEWAY_TOKEN}` },
    });
    const body = z.object({ url: z.string() }).parse(await res.json());
    expect(body.url.startsWith(`http://localhost:4173/sandbox/invoices/${ids.invoice}/pdf?`)).toBe(true);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('passes every write through with its body and answers as the contract does (twin databases)', async () => {
    const direct = fixture.open({});
    const viaGateway = fixture.open({ QOVERY_API_KEY: 'sbx_admin_acme', GATEWAY_TOKEN });
    const api = acmeApi('sbx_admin_acme', direct);
    const gateway = acmeGateway(viaGateway);
    const known = new Set([ACME, ids.cluster, ids.invoice, ids.card]);
    const billingInfo = {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@acme.test',
      address: '1 Analytical Way',
      city: 'Berlin',
      zip: '10115',
      country_code: 'de',
      company: 'Acme GmbH',
      vat_number: 'DE123456789',
    };
    const card = { number: '5555 5555 5555 4444', cvv: '123', expiry_month: 6, expiry_year: FUTURE_YEAR };
    const writes: Array<[string, string, string, { body?: unknown; headers?: Record<string, string> }]> = [
      ['PUT', '/billinginfo', '/billingInfo', { body: billingInfo }],
      ['PUT', '/billinginfo', '/billingInfo', { body: { ...billingInfo, email: 'not an email', zip: '' } }],
      ['POST', '/billingusagereport', '/billingUsageReport', { body: { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', report_expiration_in_seconds: 3600 } }],
      ['POST', '/billingusagereport', '/billingUsageReport', { body: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z', report_expiration_in_seconds: 10 } }],
      ['POST', '/changeplan', '/changePlan', { body: { plan: 'BUSINESS_2025' } }],
      ['POST', '/changeplan', '/changePlan', { body: { plan: 'PROFESSIONAL' } }],
      ['POST', '/creditcard', '/creditCard', { body: card, headers: { 'Idempotency-Key': 'retry-key-0001' } }],
      ['POST', '/creditcard', '/creditCard', { body: card, headers: { 'Idempotency-Key': 'retry-key-0001' } }],
      ['POST', '/creditcard', '/creditCard', { body: { ...card, number: '4000 0000 0000 0002' } }],
      ['DELETE', `/creditcard/${ids.card}`, `/creditCard/${ids.card}`, {}],
      ['DELETE', `/creditcard/${ids.card}`, `/creditCard/${ids.card}`, {}],
      ['POST', '/creditcode', '/creditCode', { body: { code: ' welcome100 ' } }],
      ['POST', '/creditcode', '/creditCode', { body: { code: 'WELCOME100' } }],
      ['POST', '/downloadinvoices', '/downloadInvoices', {}],
      ['GET', '/creditcard', '/creditCard', {}],
      ['GET', '/billinginfo', '/billingInfo', {}],
      ['GET', '/currentcost', '/currentCost', {}],
    ];
    const answers: Answer[] = [];
    for (const [method, restPath, contractPath, init] of writes) {
      const expected = await api(contractPath, { method, ...init });
      const actual = await gateway(restPath, { method, ...init });
      const label = `${method} ${restPath}`;
      expect(actual.status, label).toBe(expected.status);
      expect(maskNewIds(actual.body, known), label).toEqual(maskNewIds(expected.body, known));
      expect(actual.headers.get('Idempotent-Replayed'), label).toBe(expected.headers.get('Idempotent-Replayed'));
      answers.push(actual);
    }
    // The sequence covers successes and failures alike: 200s, 201, a replay, 202, 204, 400s and a 404.
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 200, 400, 200, 400, 201, 201, 400, 204, 404, 200, 400, 202, 200, 200, 200]);
    const [added, replayed] = [answers[6], answers[7]];
    expect(replayed?.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replayed?.headers.get('Original-Request')).toBe(added?.headers.get('X-Request-Id'));
    expect(replayed?.body).toEqual(added?.body);
    await direct.sandbox?.mailer.idle();
    await viaGateway.sandbox?.mailer.idle();
  });

  it('links an events page to the pages around it at its own route, with the same filters', async () => {
    const gateway = acmeGateway(app);
    const eventsPage = z.object({ links: z.object({ next: z.optional(z.string()), previous: z.optional(z.string()) }), events: z.array(z.object({ id: z.string() })) });
    for (let export_ = 0; export_ < 2; export_ += 1) expect((await gateway('/downloadinvoices', { method: 'POST' })).status).toBe(202);
    await app.sandbox?.mailer.idle();
    const first = eventsPage.parse((await gateway('/events?pageSize=1&origin=API')).body);
    const next = new URL(first.links.next ?? '');
    expect(next.pathname).toBe(`/v1/organization/${ACME}/events`);
    expect(next.searchParams.get('pageSize')).toBe('1');
    expect(next.searchParams.get('origin')).toBe('API');
    const followed = await gateway(`/events${next.search}`);
    expect(followed.status).toBe(200);
    const second = eventsPage.parse(followed.body);
    expect(second.events[0]?.id).not.toBe(first.events[0]?.id);
    expect(new URL(second.links.previous ?? '').pathname).toBe(`/v1/organization/${ACME}/events`);
  });

  it("returns the contract's 403 and 404 for what the key's user may not see", async () => {
    const viewer = fixture.open({ QOVERY_API_KEY: 'sbx_viewer_acme', GATEWAY_TOKEN });
    const direct = await acmeApi('sbx_viewer_acme', viewer)('/billingInfo');
    const viaGateway = await acmeGateway(viewer)('/billinginfo');
    expect(direct.status).toBe(403);
    expect({ status: viaGateway.status, body: withoutRequestId(viaGateway.body) }).toEqual({ status: 403, body: withoutRequestId(direct.body) });

    const stranger = await acmeGateway(app, UNKNOWN_ORG)('/billingstatus');
    expect(stranger).toMatchObject({ status: 404, body: { status: 404, message: 'Organization not found' } });
  });

  it('refuses ids that could address another resource, and routes the seed does not list', async () => {
    const gateway = acmeGateway(app);
    const dotted = await gateway('/invoice/..%2F..%2Fbillinginfo');
    expect(dotted).toMatchObject({ status: 400, body: { status: 400, errors: [{ field: 'invoiceId', message: 'Not a valid id' }] } });
    expect(await gateway('/billingInfo')).toMatchObject({ status: 404 });
    expect(await gateway('/creditcard', { method: 'PATCH' })).toMatchObject({ status: 404 });
  });

  it('uses the server key upstream, never the gateway token: a key the sandbox does not know gets its 401', async () => {
    const unknownKey = fixture.open({ QOVERY_API_KEY: 'sbx_nobody', GATEWAY_TOKEN });
    const res = await acmeGateway(unknownKey)('/billingstatus');
    expect(res.status).toBe(401);
    expect(errorBodySchema.parse(res.body).message).toContain('Missing or invalid API token');
  });
});
