import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '#api/api-error';
import { startServer } from '../http/node-server';
import { mountSpa } from '../http/spa';
import { HSTS } from '../http/security-headers';
import { createTestApp, listen, orgPath, type TestApp } from './helpers';

describe('answers of the sandbox pages', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp();
  });
  afterAll(() => app.close());

  it('are never stored, whatever the route (the outbox holds mail, the pages hold card forms)', async () => {
    const paths = [
      '/sandbox/outbox',
      '/sandbox/session',
      '/sandbox/demo-users',
      '/sandbox/cloud-plans.css',
      '/sandbox/checkout/not-a-token-at-all-0123456789',
      '/sandbox/nothing-here',
    ];
    for (const path of paths) {
      const answer = await app.call('GET', path);
      expect(answer.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('request ids', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp({ logLevel: 'info' });
  });
  afterAll(() => app.close());

  it('every answer has one, and an error body carries the same', async () => {
    const ok = await app.call('GET', orgPath('acme', 'billingStatus'));
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await app.call('GET', orgPath('acme', 'billingStatus'), { token: 'nope' });
    const id = refused.headers.get('x-request-id');
    expect(errorBodySchema.parse(refused.json).request_id).toBe(id);
    const missing = await app.call('GET', '/api/nowhere');
    expect(errorBodySchema.parse(missing.json).request_id).toBe(missing.headers.get('x-request-id'));
    expect(new Set([ok.headers.get('x-request-id'), id, missing.headers.get('x-request-id')]).size).toBe(3);
  });

  it('a sane id sent by the caller (or a proxy) is kept; anything else is replaced', async () => {
    const kept = await app.call('GET', orgPath('acme', 'billingStatus'), { headers: { 'X-Request-Id': 'lb-7f3a.42:9' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.42:9');
    for (const sent of ['has space', 'x'.repeat(129), 'tab\there', 'caf\u00e9', '<script>']) {
      const replaced = await app.call('GET', orgPath('acme', 'billingStatus'), { headers: { 'X-Request-Id': sent } });
      expect(replaced.headers.get('x-request-id'), sent).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('the request log line names it', async () => {
    const answer = await app.call('GET', orgPath('acme', 'billingStatus'), { headers: { 'X-Request-Id': 'quote-me-0001' } });
    expect(answer.status).toBe(200);
    expect(app.logs.join('')).toMatch(/GET \/api\/organization\/[0-9a-f-]+\/billingStatus 200 [\d.]+ms \[quote-me-0001\]\n/);
  });
});

describe('served over HTTPS (PUBLIC_URL https)', () => {
  it('asks browsers to keep to HTTPS (HSTS); not over plain HTTP', async () => {
    const https = createTestApp({ env: { PUBLIC_URL: 'https://billing.example.com' } });
    const http = createTestApp();
    try {
      for (const path of [orgPath('acme', 'billingStatus'), '/sandbox/demo-users']) {
        expect((await https.call('GET', path)).headers.get('strict-transport-security'), path).toBe(HSTS);
        expect((await http.call('GET', path)).headers.get('strict-transport-security'), path).toBeNull();
      }
      const server = await listen(https.app);
      try {
        const answer = await fetch(`${server.url}/api/health`);
        expect(answer.headers.get('strict-transport-security')).toBe(HSTS);
      } finally {
        await server.close();
      }
    } finally {
      await https.close();
      await http.close();
    }
  });
});

describe('the built console', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'billing-spa-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'theme.js'), 'void 0');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)\n//# sourceMappingURL=index-abc.js.map');
    writeFileSync(join(dir, 'assets', 'index-abc.js.br'), 'brotli bytes');
    writeFileSync(join(dir, 'assets', 'index-abc.js.gz'), 'gzip bytes');
    writeFileSync(join(dir, 'assets', 'index-abc.js.map'), '{"sources":["src/secret.ts"]}');
    writeFileSync(join(dir, '.vite', 'manifest.json'), '{"src/secret.ts":{"file":"assets/secret.js"}}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function spa() {
    const app = new Hono();
    mountSpa(app, dir);
    return app;
  }

  it('serves its bundles but not their source maps nor the build manifest', async () => {
    const app = spa();
    expect((await app.request('/assets/index-abc.js')).status).toBe(200);
    for (const path of ['/assets/index-abc.js.map', '/.vite/manifest.json']) {
      const answer = await app.request(path);
      expect(answer.status, path).toBe(404);
      expect(await answer.text(), path).not.toContain('secret');
    }
    // An old chunk a stale tab asks for is missing, not the HTML.
    expect((await app.request('/assets/index-old.js')).status).toBe(404);
  });

  it('answers each bundle in the smallest encoding the request accepts, with a year of cache', async () => {
    const app = spa();
    const asked = async (acceptEncoding: string | null) => {
      const answer = await app.request('/assets/index-abc.js', { headers: acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding } });
      return { encoding: answer.headers.get('Content-Encoding'), body: await answer.text(), answer };
    };
    expect(await asked('gzip, deflate, br')).toMatchObject({ encoding: 'br', body: 'brotli bytes' });
    expect(await asked('gzip, br;q=0')).toMatchObject({ encoding: 'gzip', body: 'gzip bytes' });
    const plain = await asked(null);
    expect(plain.encoding).toBeNull();
    expect(plain.body).toContain('console.log(1)');
    const { answer } = await asked('br');
    expect(answer.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(answer.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.get('Vary')).toBe('Accept-Encoding');
    // Files without a hash in their name are checked again on each visit.
    expect((await app.request('/theme.js')).headers.get('Cache-Control')).toBe('no-cache');
  });

  it('keeps serving the build it started with while a new build replaces the files', async () => {
    const app = spa();
    writeFileSync(join(dir, 'assets', 'index-new.js'), 'console.log(2)');
    rmSync(join(dir, 'assets', 'index-abc.js'));
    try {
      // The running server's HTML names index-abc.js: it must still be there, and only it.
      expect(await (await app.request('/assets/index-abc.js')).text()).toContain('console.log(1)');
      expect((await app.request('/assets/index-new.js')).status).toBe(404);
    } finally {
      writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)\n//# sourceMappingURL=index-abc.js.map');
      rmSync(join(dir, 'assets', 'index-new.js'));
    }
  });
});

/** Opens a raw connection; resolves with what the server sent once it closes it, or 'open' after `waitMs`. */
function rawConnection(port: number, send: string, waitMs: number): { socket: Socket; outcome: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  const outcome = new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve('open'), waitMs);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received === '' ? 'closed' : (received.split('\r\n')[0] ?? ''));
    });
    socket.on('error', () => undefined);
  });
  socket.on('connect', () => socket.write(send));
  return { socket, outcome };
}

describe('the Node server', () => {
  const limits = { headersTimeoutMs: 300, requestTimeoutMs: 600, maxConnections: 3, checkIntervalMs: 50 };

  it('closes a connection whose headers or body do not arrive in time, and caps connections', async () => {
    const app = new Hono();
    // The body never completes: its read fails when the server gives up on it.
    app.post('/slow', async (c) => c.text(await c.req.text().catch(() => 'gone')));
    app.get('/', (c) => c.text('ok'));
    const server = startServer({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', limits });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const sockets: Socket[] = [];
    try {
      // Headers that never end (slowloris), and a body that never comes.
      const headers = rawConnection(port, 'GET / HTTP/1.1\r\nHost: x\r\n', 3_000);
      const body = rawConnection(port, 'POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab', 3_000);
      sockets.push(headers.socket, body.socket);
      expect(await headers.outcome).toBe('HTTP/1.1 408 Request Timeout');
      expect(await body.outcome).toBe('HTTP/1.1 408 Request Timeout');

      // Three idle connections are served; a fourth is closed at once.
      const idle = [0, 1, 2].map(() => rawConnection(port, '', 400));
      sockets.push(...idle.map((connection) => connection.socket));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const extra = rawConnection(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', 2_000);
      sockets.push(extra.socket);
      expect(await extra.outcome).toBe('closed');
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });
});
