import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '#api/api-error';
import { createTestApp, listen, ORGS, type Listening, type TestApp } from './helpers';

const TWO_MB = 'x'.repeat(2 * 1024 * 1024);

/** One POST of `body` with Node's own fetch (undici), then a GET on the same pool of keep-alive connections. */
async function refusedThenHealthy(url: string, body: BodyInit, streamed: boolean): Promise<string> {
  try {
    const init: RequestInit & { duplex?: 'half' } = {
      method: 'POST',
      body,
      headers: { Authorization: 'Bearer sbx_admin_acme', 'Content-Type': 'application/json' },
      ...(streamed ? { duplex: 'half' } : {}),
    };
    const refused = await fetch(`${url}/api/organization/${ORGS.acme}/creditCode`, init);
    const refusal = errorBodySchema.parse(await refused.json());
    const next = await fetch(`${url}/api/health`);
    await next.arrayBuffer();
    return `${refused.status} ${refusal.message} / ${next.status}`;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return `failed: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : 'unknown error'}`;
  }
}

describe('a body over the limit, on a real socket', () => {
  let app: TestApp;
  let server: Listening;
  beforeAll(async () => {
    app = createTestApp();
    server = await listen(app.app);
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  it('is answered 413 to Node fetch 100 times out of 100, and the next request on the connection works', async () => {
    const outcomes = new Map<string, number>();
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const outcome = await refusedThenHealthy(server.url, TWO_MB, false);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ '413 The request body is larger than 16 KB / 200': 100 });
  });

  it('is answered 413 when streamed without a length (chunked) too', async () => {
    const outcomes = new Map<string, number>();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const outcome = await refusedThenHealthy(server.url, new Blob([TWO_MB]).stream(), true);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ '413 The request body is larger than 16 KB / 200': 20 });
  });

  it('still takes a body within the limit, sent with or without a length', async () => {
    for (const streamed of [false, true]) {
      const json = JSON.stringify({ code: 'NOPE' });
      const init: RequestInit & { duplex?: 'half' } = {
        method: 'POST',
        body: streamed ? new Blob([json]).stream() : json,
        headers: { Authorization: 'Bearer sbx_admin_acme', 'Content-Type': 'application/json' },
        ...(streamed ? { duplex: 'half' } : {}),
      };
      const answer = await fetch(`${server.url}/api/organization/${ORGS.acme}/creditCode`, init);
      expect(answer.status).toBe(400);
      expect(await answer.text()).toContain('Unknown credit code NOPE');
    }
  });
});
