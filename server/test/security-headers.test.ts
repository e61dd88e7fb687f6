import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { migrate, openDatabase, type Db } from '../db/database';
import { seedDemoData } from '../db/seed';
import { readEnv } from '../env';
import { createLogger } from '../http/logger';
import { CONSOLE_CSP, securityHeaders, type NodeBindings } from '../http/security-headers';

const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

function listen(fetch: Parameters<typeof serve>[0]['fetch']): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, base: `http://127.0.0.1:${info.port}` }));
  });
}

describe('security headers', () => {
  let dir: string;
  let db: Db;
  let server: ServerType;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-headers-'));
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    db = openDatabase(join(dir, 'test.db'));
    migrate(db);
    seedDemoData(db);
    const { app } = createApp({ env: readEnv({}), logger: createLogger('silent'), db, distDir: dist });
    ({ server, base } = await listen(app.fetch));
  });

  afterAll(() => {
    server.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([['/api/health'], ['/api/organization'], ['/api/organization/x/billingInfo']])(
    'a real server sends API headers on %s: not sniffed, never stored, nothing may load or frame it',
    async (path) => {
      const response = await fetch(base + path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      // Document-only headers are not repeated on every JSON answer.
      expect(response.headers.get('permissions-policy')).toBeNull();
      expect(response.headers.get('referrer-policy')).toBeNull();
    },
  );

  it.each([['/'], ['/organizations/x/overview'], ['/assets/app.js'], ['/assets/missing.js']])('a real server sends them on %s, with the console CSP', async (path) => {
    const response = await fetch(base + path);
    for (const [name, value] of Object.entries(EXPECTED)) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
  });

  it('the console page is not cached, hashed assets are', async () => {
    expect((await fetch(`${base}/organizations/x/overview`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('discovery documents are not answered with the console page', async () => {
    const response = await fetch(`${base}/.well-known/oauth-protected-resource`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('a route’s own policy wins over the default, in-process and over Node', async () => {
    const app = new Hono<NodeBindings>();
    app.use('*', securityHeaders({ csp: true, hsts: false }));
    app.get('/own', (c) => c.html('<p>checkout</p>', 200, { 'Content-Security-Policy': "default-src 'none'" }));
    app.get('/default', (c) => c.text('ok'));

    const inProcess = await app.request('/own');
    expect(inProcess.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(inProcess.headers.get('x-frame-options')).toBe('DENY');
    expect((await app.request('/default')).headers.get('content-security-policy')).toBe(CONSOLE_CSP);

    const own = await listen(app.fetch);
    try {
      const response = await fetch(`${own.base}/own`);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect((await fetch(`${own.base}/default`)).headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    } finally {
      own.server.close();
    }
  });
});
