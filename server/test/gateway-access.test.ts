import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '#api/api-error';
import { ORG_IDS } from '../db/seed';
import { isLoopbackAddress, isLoopbackHost } from '../gateway/access';
import { authorizationForKey } from '../gateway/client';
import { readEnv } from '../env';
import { GATEWAY_TOKEN, listen, sandboxFixture, type SandboxFixture } from './gateway-harness';
import { withoutRequestId } from './helpers';

const STATUS_PATH = `/v1/organization/${ORG_IDS.acme}/billingstatus`;

/** What @hono/node-server hands the app for a connection from `remoteAddress`. */
const fromPeer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 50000, remoteFamily: 'IPv4' } } });

describe('who may call the gateway', () => {
  let fixture: SandboxFixture;

  beforeAll(() => {
    fixture = sandboxFixture();
  });

  afterAll(() => {
    fixture.cleanup();
  });

  it('is off, with a 404 saying why, while QOVERY_API_KEY is unset', async () => {
    const { app } = fixture.open({ GATEWAY_TOKEN });
    for (const [path, method] of [
      [STATUS_PATH, 'GET'],
      ['/mcp', 'POST'],
      ['/v1/organization/anything', 'DELETE'],
    ] as const) {
      const res = await app.request(path, { method, headers: { Authorization: `Bearer ${GATEWAY_TOKEN}` } });
      expect(res.status, path).toBe(404);
      expect(withoutRequestId(errorBodySchema.parse(await res.json()))).toEqual({
        status: 404,
        message: 'The billing gateway is off: set QOVERY_API_KEY, the key it calls the Qovery API with, to turn it on',
      });
    }
    // The console's own API is unaffected.
    expect((await app.request('/api/organization', { headers: { Authorization: 'Token sbx_admin_acme' } })).status).toBe(200);
  });

  it('refuses at start a GATEWAY_TOKEN no caller could send', () => {
    for (const token of ['aaaaaaaaaaaaaaaa with space', 'aaaaaaaaaaaaaaaa\tb', 'jeton-secret-été-2026']) {
      expect(() => readEnv({ GATEWAY_TOKEN: token }), token).toThrow('GATEWAY_TOKEN must be printable ASCII without spaces');
    }
    expect(readEnv({ GATEWAY_TOKEN }).gatewayToken).toBe(GATEWAY_TOKEN);
  });

  it('with GATEWAY_TOKEN, answers 401 unless the caller sends exactly that bearer token, from anywhere', async () => {
    const { app } = fixture.open({ QOVERY_API_KEY: 'sbx_admin_acme', GATEWAY_TOKEN });
    const refused = [undefined, 'Bearer', `Bearer ${GATEWAY_TOKEN}x`, `Bearer ${GATEWAY_TOKEN.slice(0, -1)}`, `Token ${GATEWAY_TOKEN}`, GATEWAY_TOKEN, 'Bearer sbx_admin_acme'];
    for (const authorization of refused) {
      const res = await app.request(STATUS_PATH, { headers: authorization === undefined ? {} : { Authorization: authorization } }, fromPeer('127.0.0.1'));
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="billing-gateway"');
      expect(withoutRequestId(await res.json())).toEqual({ status: 401, message: 'Missing or wrong gateway token: send "Authorization: Bearer <GATEWAY_TOKEN>"' });
    }
    const mcp = await app.request('/mcp', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(mcp.status).toBe(401);

    for (const authorization of [`Bearer ${GATEWAY_TOKEN}`, `bearer  ${GATEWAY_TOKEN}`]) {
      const res = await app.request(STATUS_PATH, { headers: { Authorization: authorization, Origin: 'https://elsewhere.example' } }, fromPeer('203.0.113.9'));
      expect(res.status, authorization).toBe(200);
    }
  });

  describe('without GATEWAY_TOKEN', () => {
    let app: ReturnType<SandboxFixture['open']>['app'];

    beforeAll(() => {
      app = fixture.open({ QOVERY_API_KEY: 'sbx_admin_acme' }).app;
    });

    it('answers loopback callers over a real socket, REST and MCP alike', async () => {
      const server = await listen(app.fetch);
      try {
        const res = await fetch(`${server.url}${STATUS_PATH}`);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ is_valid: true });

        const client = new Client({ name: 'loopback-test', version: '1.0.0' });
        await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', server.url)));
        expect((await client.listTools()).tools).toHaveLength(17);
        await client.close();

        // A page whose DNS name was rebound to 127.0.0.1 still sends its own name as Host.
        const rebound = await new Promise<number>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: server.port, path: STATUS_PATH, headers: { Host: `rebound.example:${server.port}` } }, (answer) => {
            answer.resume();
            resolve(answer.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
        expect(rebound).toBe(403);
      } finally {
        await server.close();
      }
    });

    it('refuses a peer that is not on loopback, or one it cannot identify', async () => {
      for (const peer of ['192.0.2.10', '10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1']) {
        const res = await app.request(STATUS_PATH, { headers: { Host: 'localhost:4173' } }, fromPeer(peer));
        expect(res.status, peer).toBe(403);
        expect(errorBodySchema.parse(await res.json()).message).toContain('set GATEWAY_TOKEN');
      }
      expect((await app.request(STATUS_PATH)).status).toBe(403);
    });

    it('refuses requests addressed to another host name (DNS rebinding) and web pages from other sites', async () => {
      const rebound = await app.request('http://rebound.example:4173' + STATUS_PATH, {}, fromPeer('127.0.0.1'));
      expect(rebound.status).toBe(403);
      expect(errorBodySchema.parse(await rebound.json()).message).toContain('addressed to localhost');

      const crossSite = await app.request(
        `http://localhost:4173/v1/organization/${ORG_IDS.acme}/creditcode`,
        { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: '{"code":"WELCOME100"}' },
        fromPeer('127.0.0.1'),
      );
      expect(crossSite.status).toBe(403);
      expect((await app.request('http://localhost:4173/mcp', { method: 'POST', headers: { Origin: 'null' } }, fromPeer('::1'))).status).toBe(403);

      for (const [url, peer, origin] of [
        [`http://localhost:4173${STATUS_PATH}`, '::ffff:127.0.0.1', 'http://localhost:5173'],
        [`http://[::1]:4173${STATUS_PATH}`, '::1', undefined],
        [`http://127.0.0.2${STATUS_PATH}`, '127.0.0.2', 'http://127.0.0.1:4173'],
      ] as const) {
        const res = await app.request(url, { headers: origin === undefined ? {} : { Origin: origin } }, fromPeer(peer));
        expect(res.status, url).toBe(200);
      }
    });
  });
});

describe('gateway helpers', () => {
  it('tells loopback addresses and host names from the rest', () => {
    expect(['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['0.0.0.0', '128.0.0.1', '::', '::ffff:10.0.0.1', '127.0.0.1.evil.example', undefined].some(isLoopbackAddress)).toBe(false);
    expect(['localhost', 'LOCALHOST:80', '127.0.0.1:4173', '[::1]:4173', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['localhost.evil.example', 'evil.example', '127.0.0.1.nip.io', '[::2]:80', undefined].some(isLoopbackHost)).toBe(false);
  });

  it('sends the key as a bearer token unless it carries its own scheme', () => {
    expect(authorizationForKey('qov_abc')).toBe('Bearer qov_abc');
    expect(authorizationForKey('Token qov_abc')).toBe('Token qov_abc');
    expect(authorizationForKey('Bearer eyJ.x.y')).toBe('Bearer eyJ.x.y');
  });
});
