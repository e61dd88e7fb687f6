import { errorBodySchema } from '#api/api-error';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { PLAN_CATALOG } from '#api/plans';
import { ORG_IDS } from '../db/seed';
import { captureLogs, GATEWAY_TOKEN, listen, sandboxFixture, startStandIn, type Listening, type LogCapture, type SandboxFixture, type StandIn } from './gateway-harness';

const ACME = ORG_IDS.acme;
const GLOBEX = ORG_IDS.globex;
const UNKNOWN_ORG = '00000000-0000-4000-8000-000000000000';
const CARD_NUMBER = '5555555555554444';

/** The seed's 16 tools and their hints, as seed 004 lists them, and the billing activity's read (issue 17). */
const SEED_TOOLS: Record<string, { readOnlyHint: boolean; destructiveHint: boolean; idempotentHint: boolean }> = {
  'get-organization-billing-external-id': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  'get-organization-billing-info': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  'edit-organization-billing-info': { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  'get-organization-billing-status': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  'generate-organization-billing-usage-report': { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  'change-organization-plan': { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  'get-cluster-current-cost': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  'list-organization-credit-cards': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  'add-credit-card': { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  'delete-credit-card': { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
  'add-credit-code': { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  'get-organization-current-cost': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  'download-all-invoices': { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  'list-organization-invoices': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  'get-organization-invoice': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  'get-invoice-link': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  'get-organization-events': { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
};

const jsonSchemaObject = z.object({
  type: z.literal('object'),
  properties: z.record(z.string(), z.unknown()),
  required: z.optional(z.array(z.string())),
});

const listSchema = z.object({ results: z.array(z.object({ id: z.string() })) });
const textContent = z.object({ content: z.tuple([z.object({ type: z.literal('text'), text: z.string() })]), isError: z.optional(z.boolean()) });

/** A tool's answer: the JSON it carries as text, and whether it is an error. */
function parseResult(result: unknown): { isError: boolean; json: unknown } {
  const parsed = textContent.parse(result);
  return { isError: parsed.isError === true, json: JSON.parse(parsed.content[0].text) };
}

async function connect(url: string, token: string | null): Promise<Client> {
  const client = new Client({ name: 'gateway-test', version: '1.0.0' });
  const headers: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token}` };
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', url), { requestInit: { headers } }));
  return client;
}

describe('gateway MCP server over streamable HTTP', () => {
  let fixture: SandboxFixture;
  let app: ReturnType<SandboxFixture['open']>;
  let logs: LogCapture;
  let server: Listening;
  let client: Client;
  const call = async (name: string, args: Record<string, unknown>) => parseResult(await client.callTool({ name, arguments: args }));
  const api = async (path: string) => {
    const res = await app.app.request(`${server.url}/api/organization/${path}`, { headers: { Authorization: 'Bearer sbx_admin_acme' } });
    const body: unknown = await res.json();
    return { status: res.status, body };
  };

  beforeAll(async () => {
    fixture = sandboxFixture();
    logs = captureLogs();
    app = fixture.open({ QOVERY_API_KEY: 'sbx_admin_acme', GATEWAY_TOKEN }, { logger: logs.logger });
    server = await listen(app.app.fetch);
    client = await connect(server.url, GATEWAY_TOKEN);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    await client.close();
    await server.close();
    await app.sandbox?.mailer.idle();
    fixture.cleanup();
  });

  it("lists the seed's 16 tools and the events tool with its hints and input schemas that name each parameter", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(Object.keys(SEED_TOOLS).sort());
    for (const tool of tools) {
      const { readOnlyHint, destructiveHint, idempotentHint } = tool.annotations ?? {};
      expect({ readOnlyHint, destructiveHint, idempotentHint }, tool.name).toEqual(SEED_TOOLS[tool.name]);
      expect(tool.title, tool.name).toBeTruthy();
    }
    const schemaOf = (name: string) => jsonSchemaObject.parse(tools.find((tool) => tool.name === name)?.inputSchema);
    expect(schemaOf('get-organization-billing-status').required).toEqual(['organizationId']);
    expect(schemaOf('get-cluster-current-cost').required).toEqual(['organizationId', 'clusterId']);
    expect(schemaOf('get-invoice-link').required).toEqual(['organizationId', 'invoiceId']);
    expect(schemaOf('delete-credit-card').required).toEqual(['organizationId', 'creditCardId']);
    expect(schemaOf('download-all-invoices').required).toEqual(['organizationId']);
    expect(schemaOf('add-credit-card').required).toEqual(['organizationId', 'body']);
    expect(Object.keys(schemaOf('add-credit-card').properties)).toEqual(['organizationId', 'body', 'idempotencyKey']);
    // Every tool that creates or charges takes a key; reads and deletes do not need one.
    for (const tool of ['add-credit-code', 'change-organization-plan', 'download-all-invoices', 'generate-organization-billing-usage-report']) {
      expect(Object.keys(schemaOf(tool).properties), tool).toContain('idempotencyKey');
    }
    expect(Object.keys(schemaOf('delete-credit-card').properties)).not.toContain('idempotencyKey');
    // `body` carries the shared request schema, so a client sees its fields.
    const body = jsonSchemaObject.parse(schemaOf('edit-organization-billing-info').properties.body);
    expect(body.required).toEqual(expect.arrayContaining(['first_name', 'last_name', 'email', 'address', 'city', 'zip', 'country_code']));
    expect(jsonSchemaObject.parse(schemaOf('add-credit-code').properties.body).required).toEqual(['code']);
    expect(jsonSchemaObject.parse(schemaOf('change-organization-plan').properties.body).required).toEqual(['plan']);
    expect(jsonSchemaObject.parse(schemaOf('generate-organization-billing-usage-report').properties.body).required).toEqual(['from', 'to', 'report_expiration_in_seconds']);
  });

  it('describes what a client may send, not what the server stores after normalizing it', async () => {
    const { tools } = await client.listTools();
    const bodyOf = (name: string) => jsonSchemaObject.parse(jsonSchemaObject.parse(tools.find((tool) => tool.name === name)?.inputSchema).properties.body);

    // Codes are case-insensitive and trimmed: a client that checks the pattern must let these through.
    const code = z.object({ type: z.literal('string'), pattern: z.string() }).parse(bodyOf('add-credit-code').properties.code);
    const codePattern = new RegExp(code.pattern, 'u');
    for (const accepted of ['welcome100', ' WELCOME100 ', 'Partner_250', 'A'.repeat(64)]) expect(accepted, accepted).toMatch(codePattern);
    for (const refused of ['', '   ', 'WELCOME 100', 'CODE!', 'A'.repeat(65)]) expect(refused, refused).not.toMatch(codePattern);

    const open = Object.values(PLAN_CATALOG)
      .filter((plan) => !plan.deprecated)
      .map((plan) => plan.id);
    expect(bodyOf('change-organization-plan').properties.plan).toMatchObject({ type: 'string', enum: open });
    expect(open).toContain('TEAM_2025');
    expect(open).not.toContain('FREE');
  });

  it("keeps the contract's messages for values the input schemas refuse", async () => {
    const deprecated = await client.callTool({ name: 'change-organization-plan', arguments: { organizationId: ACME, body: { plan: 'FREE' } } });
    expect(deprecated.isError).toBe(true);
    expect(JSON.stringify(deprecated.content)).toContain('This plan is deprecated and can no longer be chosen: pick a 2025 plan');
    const unknown = await client.callTool({ name: 'change-organization-plan', arguments: { organizationId: ACME, body: { plan: 'GOLD' } } });
    expect(JSON.stringify(unknown.content)).toContain('Unknown plan: choose one of the plans listed');
    const code = await client.callTool({ name: 'add-credit-code', arguments: { organizationId: ACME, body: { code: 'CODE!' } } });
    expect(JSON.stringify(code.content)).toContain('A credit code contains only letters, digits, dashes and underscores');
  });

  it('calls each read-only tool and returns what the contract returns, as JSON text', async () => {
    const clusters = listSchema.parse((await api(`${ACME}/cluster`)).body);
    const invoices = listSchema.parse((await api(`${ACME}/invoice`)).body);
    const clusterId = clusters.results[0]?.id;
    const invoiceId = invoices.results[0]?.id;
    const cases: Array<[string, Record<string, string>, string]> = [
      ['get-organization-billing-external-id', {}, 'billingExternalId'],
      ['get-organization-billing-info', {}, 'billingInfo'],
      ['get-organization-billing-status', {}, 'billingStatus'],
      ['get-cluster-current-cost', { clusterId: clusterId ?? '' }, `cluster/${clusterId}/currentCost`],
      ['list-organization-credit-cards', {}, 'creditCard'],
      ['get-organization-current-cost', {}, 'currentCost'],
      ['list-organization-invoices', {}, 'invoice'],
      ['get-organization-invoice', { invoiceId: invoiceId ?? '' }, `invoice/${invoiceId}`],
      ['get-invoice-link', { invoiceId: invoiceId ?? '' }, `invoice/${invoiceId}/download`],
      ['get-organization-events', {}, 'events'],
    ];
    for (const [tool, args, path] of cases) {
      const expected = await api(`${ACME}/${path}`);
      expect(expected.status, path).toBe(200);
      expect(await call(tool, { organizationId: ACME, ...args }), tool).toEqual({ isError: false, json: expected.body });
    }
    const readOnlyTools = Object.entries(SEED_TOOLS).flatMap(([name, hints]) => (hints.readOnlyHint ? [name] : []));
    expect(cases.map(([tool]) => tool).sort()).toEqual(readOnlyTools.sort());
  });

  it("redeems a credit code with add-credit-code, which turns Globex's billing valid", async () => {
    expect(await call('get-organization-billing-status', { organizationId: GLOBEX })).toMatchObject({ isError: false, json: { is_valid: false } });
    expect(await call('add-credit-code', { organizationId: GLOBEX, body: { code: ' partner250 ' } })).toEqual({
      isError: false,
      json: { code: 'PARTNER250', amount_in_cents: 25_000, currency_code: 'USD' },
    });
    expect(await call('get-organization-billing-status', { organizationId: GLOBEX })).toMatchObject({ isError: false, json: { is_valid: true } });

    const again = await call('add-credit-code', { organizationId: GLOBEX, body: { code: 'PARTNER250' } });
    expect(again.isError).toBe(true);
    expect(again.json).toMatchObject({ status: 400, message: 'Credit code PARTNER250 has already been redeemed by this organization' });
  });

  it("returns the upstream's error status and message as an isError result", async () => {
    const missing = await call('get-organization-billing-info', { organizationId: UNKNOWN_ORG });
    expect(missing.isError).toBe(true);
    expect(errorBodySchema.parse(missing.json)).toMatchObject({ status: 404, message: 'Organization not found' });
    const expired = await call('add-credit-code', { organizationId: ACME, body: { code: 'SUMMER2024' } });
    expect(expired.isError).toBe(true);
    expect(expired.json).toMatchObject({ status: 400, message: 'Credit code SUMMER2024 expired on 2024-09-30' });
  });

  it('refuses arguments that break the request schema before calling upstream', async () => {
    const before = logs.lines.length;
    const result = await client.callTool({ name: 'get-organization-billing-info', arguments: { organizationId: '../../organization' } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('organizationId must be an id');
    const missing = await client.callTool({ name: 'change-organization-plan', arguments: { organizationId: ACME } });
    expect(missing.isError).toBe(true);
    expect(JSON.stringify(missing.content)).toContain('body');
    expect(logs.lines.slice(before).some((line) => line.includes('upstream'))).toBe(false);
  });

  it('adds a card once per idempotency key and never logs its number', async () => {
    const consoleCalls = [vi.spyOn(console, 'log'), vi.spyOn(console, 'info'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];
    const body = { number: '5555 5555 5555 4444', cvv: '321', expiry_month: 12, expiry_year: new Date().getUTCFullYear() + 2 };
    const first = await call('add-credit-card', { organizationId: ACME, body, idempotencyKey: 'mcp-retry-0001' });
    const retry = await call('add-credit-card', { organizationId: ACME, body, idempotencyKey: 'mcp-retry-0001' });
    expect(first).toMatchObject({ isError: false, json: { last_digit: '4444', brand: 'MASTERCARD', is_expired: false } });
    expect(retry).toEqual(first);
    const cards = listSchema.parse((await call('list-organization-credit-cards', { organizationId: ACME })).json);
    expect(cards.results.filter((card) => card.id === z.object({ id: z.string() }).parse(first.json).id)).toHaveLength(1);

    const invalid = await client.callTool({ name: 'add-credit-card', arguments: { organizationId: ACME, body: { ...body, number: '5555 5555 5555 4445' } } });
    expect(invalid.isError).toBe(true);
    expect(JSON.stringify(invalid.content)).toContain('This card number is not valid');
    const declined = await call('add-credit-card', { organizationId: ACME, body: { ...body, number: '4000 0000 0000 0002', cvv: '123' } });
    expect(declined).toMatchObject({ isError: true, json: { status: 400 } });

    const printed = [...logs.lines, ...consoleCalls.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' ')))].join('\n');
    expect(logs.lines.some((line) => line.includes('POST /mcp 200'))).toBe(true);
    for (const secret of [CARD_NUMBER, '5555 5555 5555 4444', '4000000000000002', '"cvv"']) expect(printed).not.toContain(secret);
  });

  it("passes the /mcp request's id to its upstream call, and says it in an error result", async () => {
    const res = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${GATEWAY_TOKEN}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'X-Request-Id': 'mcp-call-0001' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get-organization-billing-info', arguments: { organizationId: UNKNOWN_ORG } } }),
    });
    const { result } = z.object({ result: z.unknown() }).parse(await res.json());
    expect(parseResult(result)).toEqual({ isError: true, json: { status: 404, message: 'Organization not found', request_id: 'mcp-call-0001' } });
    expect(logs.lines.filter((line) => line.includes('[mcp-call-0001]')).join('\n')).toContain(`/organization/${UNKNOWN_ORG}/billingInfo`);
  });

  it('needs the gateway token, and answers 405 to the GET stream a stateless server does not offer', async () => {
    const refused = connect(server.url, null);
    await expect(refused).rejects.toBeInstanceOf(StreamableHTTPError);
    await expect(refused).rejects.toMatchObject({ code: 401 });
    await expect(connect(server.url, 'not-the-gateway-token')).rejects.toMatchObject({ code: 401 });

    const stream = await fetch(`${server.url}/mcp`, { headers: { Authorization: `Bearer ${GATEWAY_TOKEN}`, Accept: 'text/event-stream' } });
    expect(stream.status).toBe(405);
    expect(stream.headers.get('Allow')).toBe('POST');
  });
});

describe('gateway MCP server over an upstream that does not answer JSON', () => {
  let fixture: SandboxFixture;
  let upstream: StandIn;
  let server: Listening;
  let client: Client;
  const CARD = '11111111-1111-4111-8111-111111111111';

  beforeAll(async () => {
    upstream = await startStandIn((request, res) => {
      if (request.url.endsWith('/billingInfo')) {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Billing is read-only during maintenance ✓');
      } else if (request.url.endsWith('/billingStatus')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"is_valid": tru');
      } else if (request.url.endsWith('/currentCost')) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end(Buffer.from([0xff, 0xfe, 0x00, 0x81]));
      } else if (request.url.endsWith('/billingExternalId')) {
        res.writeHead(200);
        res.end();
      } else {
        res.writeHead(204);
        res.end();
      }
    });
    fixture = sandboxFixture();
    const app = fixture.open({ BILLING_BACKEND: 'qovery', QOVERY_API_URL: upstream.url, QOVERY_API_KEY: 'qov_test_key', GATEWAY_TOKEN });
    server = await listen(app.app.fetch);
    client = await connect(server.url, GATEWAY_TOKEN);
  });

  afterAll(async () => {
    await client.close();
    await server.close();
    await upstream.close();
    fixture.cleanup();
  });

  const text = async (name: string, args: Record<string, unknown> = {}) => textContent.parse(await client.callTool({ name, arguments: { organizationId: ACME, ...args } }));

  it('returns a text body as it came, not a made-up "Done"', async () => {
    const result = await text('get-organization-billing-info');
    expect(result.isError).not.toBe(true);
    expect(result.content[0].text).toBe('Billing is read-only during maintenance ✓');
    // JSON that does not parse is text too.
    expect((await text('get-organization-billing-status')).content[0].text).toBe('{"is_valid": tru');
  });

  it('describes a body that is not text instead of dropping it silently', async () => {
    expect(JSON.parse((await text('get-organization-current-cost')).content[0].text)).toEqual({
      status: 200,
      message: 'The Qovery API answered 200 with 4 bytes of application/octet-stream, which is neither JSON nor text',
    });
  });

  it('says the status of an empty answer', async () => {
    expect(JSON.parse((await text('delete-credit-card', { creditCardId: CARD })).content[0].text)).toEqual({
      status: 204,
      message: 'The credit card was deleted',
    });
    expect(JSON.parse((await text('get-organization-billing-external-id')).content[0].text)).toEqual({
      status: 200,
      message: 'Done: the Qovery API answered 200 with an empty body',
    });
  });
});
