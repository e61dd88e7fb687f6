import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ApiError, errorBodySchema } from '#api/api-error';
import { createApp } from '../app';
import { CLOUD_PLANS_NOT_CONFIGURED } from '../real-backend/forward';
import { readEnv } from '../env';
import { createLogger } from '../http/logger';
import { callUpstream, httpUpstream } from '../http/upstream';
import { captureLogs, closedPort, GATEWAY_TOKEN, listen, sendJson, startStandIn, type LogCapture, type StandIn } from './gateway-harness';
import { withoutRequestId } from './helpers';

/** Short enough for the timeout tests; calls that should succeed get GENEROUS_TIMEOUT_MS on a busy machine. */
const TIMEOUT_MS = 300;
const GENEROUS_TIMEOUT_MS = 10_000;
const ORG = '3f0c2d7e-1b2a-4c3d-9e8f-0a1b2c3d4e5f';

/** The stand-in Qovery API: each path shows one kind of upstream behaviour. */
async function startQoveryStandIn(): Promise<StandIn> {
  return startStandIn((request, res) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.endsWith('/created')) return sendJson(res, 201, { id: 'new-1', created: true });
    if (path.endsWith('/forbidden')) {
      return sendJson(res, 403, { status: 403, message: 'Forbidden upstream' }, { 'Set-Cookie': 'upstream_session=abc; HttpOnly', 'WWW-Authenticate': 'Bearer' });
    }
    if (path.endsWith('/crash')) return sendJson(res, 500, { status: 500, message: 'Upstream bug' });
    if (path.endsWith('/deleted')) {
      res.writeHead(204);
      return res.end();
    }
    if (path.endsWith('/html-error')) {
      res.writeHead(503, { 'Content-Type': 'text/html' });
      return res.end('<html><body>Service Unavailable</body></html>');
    }
    if (path.endsWith('/moved')) {
      res.writeHead(302, { Location: 'https://elsewhere.example/organization' });
      return res.end();
    }
    if (path.endsWith('/html-ok')) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<script>alert(1)</script>');
    }
    if (path.endsWith('/untyped-ok')) {
      res.writeHead(200);
      return res.end('plain words');
    }
    if (path.endsWith('/broken-json-ok')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end('{"results": [');
    }
    if (path.endsWith('/empty-ok')) {
      res.writeHead(200);
      return res.end();
    }
    if (path.endsWith('/slow')) return; // never answers
    if (path.endsWith('/slow-body')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.write('{"results": ['); // and never ends
    }
    if (path.endsWith('/reset')) return res.socket?.destroy();
    sendJson(res, 200, { echoed: true, method: request.method, url: request.url });
  });
}

describe('real-backend mode (BILLING_BACKEND=qovery) against a stand-in upstream', () => {
  let upstream: StandIn;
  let logs: LogCapture;
  let app: ReturnType<typeof createApp>['app'];

  beforeAll(async () => {
    upstream = await startQoveryStandIn();
    logs = captureLogs();
    app = createApp({
      env: readEnv({ BILLING_BACKEND: 'qovery', QOVERY_API_URL: upstream.url, CLOUDPLANS_API_URL: `${upstream.url}/cloudplans/` }),
      logger: logs.logger,
      upstreamTimeoutMs: GENEROUS_TIMEOUT_MS,
    }).app;
  });

  beforeEach(() => {
    upstream.requests.length = 0;
  });

  afterAll(async () => {
    await upstream.close();
  });

  it('keeps /api/health local, reporting the backend, and has no sandbox pages', async () => {
    const health = await app.request('/api/health');
    const body: unknown = await health.json();
    expect(body).toMatchObject({ status: 'ok', backend: 'qovery' });
    expect(Object.keys(body ?? {}).sort()).toEqual(['backend', 'status', 'time']);
    for (const path of ['/sandbox/demo-users', '/sandbox/session', '/sandbox/outbox']) {
      const res = await app.request(path, { headers: { Authorization: 'Token sbx_admin_acme' } });
      expect(res.status, path).toBe(404);
      expect(withoutRequestId(await res.json())).toEqual({ status: 404, message: 'The sandbox is off: this server forwards to the Qovery API (BILLING_BACKEND=qovery)' });
    }
    expect(upstream.requests).toEqual([]);
  });

  it("forwards the method, path, query, body and the caller's own credentials, and nothing else", async () => {
    const body = JSON.stringify({ first_name: 'Ada' });
    const res = await app.request(`/api/organization/${ORG}/billingInfo?page=2&q=a%20b`, {
      method: 'PUT',
      headers: {
        Authorization: 'Token user-own-token',
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Idempotency-Key': 'idem-key-0001',
        Cookie: 'console_session=secret',
        'Proxy-Authorization': 'Basic c2VjcmV0',
        Connection: 'keep-alive, X-Hop-Secret',
        'X-Hop-Secret': 'hop',
        'Keep-Alive': 'timeout=5',
        TE: 'trailers',
        'X-Forwarded-For': '198.51.100.7',
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(withoutRequestId(await res.json())).toEqual({ echoed: true, method: 'PUT', url: `/organization/${ORG}/billingInfo?page=2&q=a%20b` });
    const [received] = upstream.requests;
    expect(received?.body).toBe(body);
    expect(received?.headers).toMatchObject({
      authorization: 'Token user-own-token',
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': 'idem-key-0001',
    });
    for (const header of ['cookie', 'proxy-authorization', 'x-hop-secret', 'keep-alive', 'te', 'x-forwarded-for']) {
      expect(received?.headers[header], header).toBeUndefined();
    }
    expect(logs.lines.join('\n')).not.toContain('user-own-token');
  });

  it("passes the upstream's statuses and JSON bodies through, without its cookies", async () => {
    const auth = { Authorization: 'Bearer jwt.of.user' };
    const created = await app.request(`/api/organization/${ORG}/created`, { method: 'POST', headers: auth });
    expect([created.status, await created.json()]).toEqual([201, { id: 'new-1', created: true }]);

    const forbidden = await app.request(`/api/organization/${ORG}/forbidden`, { headers: auth });
    expect([forbidden.status, await forbidden.json()]).toEqual([403, { status: 403, message: 'Forbidden upstream' }]);
    expect(forbidden.headers.get('Set-Cookie')).toBeNull();
    expect(forbidden.headers.get('WWW-Authenticate')).toBe('Bearer');

    const crash = await app.request(`/api/organization/${ORG}/crash`, { headers: auth });
    expect([crash.status, await crash.json()]).toEqual([500, { status: 500, message: 'Upstream bug' }]);

    const deleted = await app.request(`/api/organization/${ORG}/deleted`, { method: 'DELETE', headers: auth });
    expect([deleted.status, await deleted.text()]).toEqual([204, '']);

    expect(upstream.requests).toHaveLength(4);
  });

  it('never passes a redirect, or a success that is not JSON, to the browser: 502 saying what came', async () => {
    const auth = { Authorization: 'Bearer jwt.of.user' };
    const moved = await app.request(`/api/organization/${ORG}/moved`, { headers: auth });
    expect(moved.status).toBe(502);
    expect(moved.headers.get('Location')).toBeNull();
    expect(withoutRequestId(await moved.json())).toEqual({
      status: 502,
      message: `The Qovery API answered 302 (a redirect) to GET /organization/${ORG}/moved, which this server does not follow`,
    });
    for (const [path, what] of [
      ['html-ok', 'text/html'],
      ['untyped-ok', 'a body without a content type'],
      ['broken-json-ok', 'malformed JSON'],
    ]) {
      const res = await app.request(`/api/organization/${ORG}/${path}`, { headers: auth });
      expect(res.status, path).toBe(502);
      expect(res.headers.get('Content-Type'), path).toBe('application/json');
      const body = errorBodySchema.parse(await res.json());
      expect(body.message, path).toBe(`The Qovery API answered 200 with ${what} instead of JSON to GET /organization/${ORG}/${path}`);
      expect(body.request_id, path).toBe(res.headers.get('X-Request-Id'));
    }
    // An empty success (addCreditCode's 200) is not a body to refuse.
    const empty = await app.request(`/api/organization/${ORG}/empty-ok`, { method: 'POST', headers: auth });
    expect([empty.status, await empty.text()]).toEqual([200, '']);
  });

  it('passes our request id upstream, so that its logs match ours', async () => {
    const res = await app.request(`/api/organization/${ORG}/created`, { method: 'POST', headers: { 'X-Request-Id': 'trace-me-0001' } });
    expect(res.headers.get('X-Request-Id')).toBe('trace-me-0001');
    expect(upstream.requests[0]?.headers['x-request-id']).toBe('trace-me-0001');
  });

  it('turns an error page that is not JSON into our error body, keeping its status', async () => {
    const res = await app.request(`/api/organization/${ORG}/html-error?token=secret-query`);
    expect(res.status).toBe(503);
    expect(withoutRequestId(await res.json())).toEqual({
      status: 503,
      message: `The Qovery API answered 503 Service Unavailable to GET /organization/${ORG}/html-error`,
    });
  });

  it('answers 504 within the configured timeout when the upstream is slow, headers or body', async () => {
    const impatient = createApp({
      env: readEnv({ BILLING_BACKEND: 'qovery', QOVERY_API_URL: upstream.url }),
      logger: logs.logger,
      upstreamTimeoutMs: TIMEOUT_MS,
    }).app;
    for (const path of ['slow', 'slow-body']) {
      const started = performance.now();
      const res = await impatient.request(`/api/organization/${ORG}/${path}?secret=query`);
      const elapsed = performance.now() - started;
      expect(res.status, path).toBe(504);
      expect(withoutRequestId(await res.json())).toEqual({
        status: 504,
        message: `The Qovery API did not answer within 0.3 s (GET /organization/${ORG}/${path})`,
      });
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 2000);
    }
    const warnings = logs.lines.filter((line) => line.includes('timed out'));
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).not.toContain('secret=query');
  });

  it('answers 502 naming the upstream when the connection is reset', async () => {
    const res = await app.request(`/api/organization/${ORG}/reset`);
    expect(res.status).toBe(502);
    const body = errorBodySchema.parse(await res.json());
    expect(body.status).toBe(502);
    expect(body.message).toMatch(/^Could not reach the Qovery API: the connection (was reset|was closed)/);
    // Where the API lives is for the server's log, not for the browser; the log line names the request.
    expect(body.message).not.toContain(upstream.url);
    expect(logs.lines.find((line) => line.includes(upstream.url))).toContain(`[${res.headers.get('X-Request-Id')}]`);
  });

  it('forwards the Cloud Plans contract to CLOUDPLANS_API_URL, below its own path', async () => {
    const res = await app.request('/api/v1/organizations/billing/describe?action=getorganization&org_id=org-1', {
      headers: { Authorization: 'Bearer cloud-plans-user' },
    });
    expect(res.status).toBe(200);
    expect(upstream.requests[0]?.url).toBe('/cloudplans/v1/organizations/billing/describe?action=getorganization&org_id=org-1');
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer cloud-plans-user');

    const update = await app.request('/api/v1/organizations/billing/update?action=updatesubscription', {
      method: 'POST',
      headers: { Authorization: 'Bearer cloud-plans-user', 'Content-Type': 'application/json' },
      body: '{"org_id":"org-1","quantity":"3"}',
    });
    expect(update.status).toBe(200);
    expect(upstream.requests[1]).toMatchObject({ method: 'POST', body: '{"org_id":"org-1","quantity":"3"}' });
  });

  it('refuses a GET body, which it could not forward, with a clear 400', async () => {
    const res = await app.request('/api/v1/organizations/billing/describe?action=getorganization', {
      headers: { 'Content-Length': '18', 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(withoutRequestId(await res.json())).toEqual({
      status: 400,
      message: 'A GET request cannot carry a body through this server: send its fields (e.g. org_id) as query parameters',
    });
    expect(upstream.requests).toEqual([]);
  });

  it("keeps an upstream's requests inside its base path", async () => {
    const cloudPlans = httpUpstream('the Cloud Plans API', `${upstream.url}/cloudplans`, TIMEOUT_MS);
    const call = callUpstream(cloudPlans, { method: 'GET', path: '/%2e%2e/organization', headers: new Headers() }, createLogger('silent'));
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({ status: 400 });
    await expect(callUpstream(cloudPlans, { method: 'GET', path: '@evil.example/', headers: new Headers() }, createLogger('silent'))).rejects.toMatchObject({ status: 400 });
    expect(upstream.requests).toEqual([]);
  });
});

describe('real-backend mode with unreachable or unconfigured upstreams', () => {
  it('answers 502 "connection refused" for a closed port, and 501 for Cloud Plans without CLOUDPLANS_API_URL', async () => {
    const port = await closedPort();
    const { app } = createApp({
      env: readEnv({ BILLING_BACKEND: 'qovery', QOVERY_API_URL: `http://127.0.0.1:${port}` }),
      logger: createLogger('silent'),
      upstreamTimeoutMs: GENEROUS_TIMEOUT_MS,
    });
    const res = await app.request('/api/organization', { headers: { Authorization: 'Token user' } });
    expect(res.status).toBe(502);
    expect(withoutRequestId(await res.json())).toEqual({ status: 502, message: 'Could not reach the Qovery API: connection refused' });

    // fetch refuses some ports outright (9 is "discard"): the reason still reaches the caller.
    const refusedPort = createApp({
      env: readEnv({ BILLING_BACKEND: 'qovery', QOVERY_API_URL: 'http://127.0.0.1:9' }),
      logger: createLogger('silent'),
    }).app;
    const badPort = await refusedPort.request('/api/organization', { headers: { Authorization: 'Token user' } });
    expect(withoutRequestId(await badPort.json())).toEqual({ status: 502, message: 'Could not reach the Qovery API: network error (bad port)' });

    const cloudPlans = await app.request('/api/v1/organizations/billing/history?action=list_billing&org_id=1');
    expect(cloudPlans.status).toBe(501);
    expect(withoutRequestId(await cloudPlans.json())).toEqual({ status: 501, message: CLOUD_PLANS_NOT_CONFIGURED });
  });
});

describe('the gateway in real-backend mode', () => {
  let upstream: StandIn;

  beforeAll(async () => {
    upstream = await startStandIn((request, res) => {
      if (request.url.endsWith('/creditCode')) {
        res.writeHead(200);
        return res.end();
      }
      if (request.url.endsWith('/billingStatus')) {
        res.writeHead(503, { 'Content-Type': 'text/html' });
        return res.end('<h1>Maintenance</h1>');
      }
      sendJson(res, 200, { first_name: 'Ada', path: request.url });
    });
  });

  afterAll(async () => {
    await upstream.close();
  });

  beforeEach(() => {
    upstream.requests.length = 0;
  });

  const gatewayApp = (url: string) =>
    createApp({
      env: readEnv({ BILLING_BACKEND: 'qovery', QOVERY_API_URL: url, QOVERY_API_KEY: 'qov_server_key', GATEWAY_TOKEN }),
      logger: createLogger('silent'),
      upstreamTimeoutMs: GENEROUS_TIMEOUT_MS,
    }).app;

  it("calls QOVERY_API_URL's camel-case path with the server key, never the caller's token", async () => {
    const app = gatewayApp(upstream.url);
    const res = await app.request(`/v1/organization/${ORG}/billinginfo`, { headers: { Authorization: `Bearer ${GATEWAY_TOKEN}` } });
    expect([res.status, await res.json()]).toEqual([200, { first_name: 'Ada', path: `/organization/${ORG}/billingInfo` }]);
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer qov_server_key');
    const maintenance = await app.request(`/v1/organization/${ORG}/billingstatus`, { headers: { Authorization: `Bearer ${GATEWAY_TOKEN}` } });
    expect([maintenance.status, withoutRequestId(await maintenance.json())]).toEqual([
      503,
      { status: 503, message: `The Qovery API answered 503 Service Unavailable to GET /organization/${ORG}/billingStatus` },
    ]);

    const server = await listen(app.fetch);
    try {
      const client = new Client({ name: 'real-backend-test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', server.url), { requestInit: { headers: { Authorization: `Bearer ${GATEWAY_TOKEN}` } } }));
      const result = await client.callTool({ name: 'add-credit-code', arguments: { organizationId: ORG, body: { code: 'welcome100' } } });
      expect(result).toEqual({ content: [{ type: 'text', text: JSON.stringify({ status: 200, message: 'The credit code was redeemed' }, null, 2) }] });
      const maintenance = await client.callTool({ name: 'get-organization-billing-status', arguments: { organizationId: ORG } });
      expect(maintenance).toEqual({
        isError: true,
        content: [{ type: 'text', text: JSON.stringify({ status: 503, message: 'The Qovery API answered 503 Service Unavailable' }, null, 2) }],
      });
      await client.close();
    } finally {
      await server.close();
    }
    const codeCall = upstream.requests.find((request) => request.url.endsWith('/creditCode'));
    expect(codeCall).toMatchObject({ method: 'POST', url: `/organization/${ORG}/creditCode`, body: '{"code":"WELCOME100"}' });
    expect(codeCall?.headers.authorization).toBe('Bearer qov_server_key');
    expect(codeCall?.headers['content-type']).toBe('application/json');
  });

  it('answers 502 through REST and an isError result through MCP when the upstream is down', async () => {
    const port = await closedPort();
    const app = gatewayApp(`http://127.0.0.1:${port}`);
    const res = await app.request(`/v1/organization/${ORG}/billingstatus`, { headers: { Authorization: `Bearer ${GATEWAY_TOKEN}` } });
    expect([res.status, withoutRequestId(await res.json())]).toEqual([502, { status: 502, message: 'Could not reach the Qovery API: connection refused' }]);

    const server = await listen(app.fetch);
    try {
      const client = new Client({ name: 'real-backend-test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', server.url), { requestInit: { headers: { Authorization: `Bearer ${GATEWAY_TOKEN}` } } }));
      const result = await client.callTool({ name: 'get-organization-billing-status', arguments: { organizationId: ORG } });
      expect(result.isError).toBe(true);
      const [content] = z.array(z.object({ type: z.literal('text'), text: z.string() })).parse(result.content);
      const { request_id: requestId, ...error } = errorBodySchema.parse(JSON.parse(content?.text ?? ''));
      expect(error).toEqual({ status: 502, message: 'Could not reach the Qovery API: connection refused' });
      // The /mcp request's id, to quote.
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      await client.close();
    } finally {
      await server.close();
    }
  });
});
