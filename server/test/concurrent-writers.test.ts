import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGS, US_BILLING_INFO } from './helpers';
import { spawnServer, type SpawnedServer } from './spawned-server';

const AUTH = { Authorization: 'Bearer sbx_admin_acme', 'Content-Type': 'application/json' };
const ACME = `/api/organization/${ORGS.acme}`;

/** The n-th write: each kind reads and then writes in one transaction, or updates a row others update too. */
function write(n: number): { method: string; path: string; body: unknown; headers?: Record<string, string> } {
  switch (n % 4) {
    case 0:
      return { method: 'POST', path: '/api/v1/organizations/billing/update?action=updatesubscription', body: { org_id: ORGS.acme, quantity: 2 + (n % 7) } };
    case 1:
      return {
        method: 'POST',
        path: `${ACME}/creditCard`,
        body: { number: '4242424242424242', cvv: '123', expiry_month: 12, expiry_year: new Date().getUTCFullYear() + 3 },
        headers: { 'Idempotency-Key': `writer-test-${n}-${Date.now()}` },
      };
    case 2:
      return { method: 'PUT', path: `${ACME}/billingInfo`, body: { ...US_BILLING_INFO, city: `City ${n}` } };
    default:
      return { method: 'POST', path: `${ACME}/changePlan`, body: { plan: n % 8 === 3 ? 'TEAM_2025' : 'BUSINESS_2025' } };
  }
}

describe('two servers on one database', () => {
  let dir: string;
  let servers: SpawnedServer[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'billing-writers-'));
    const env = { SANDBOX_DB: join(dir, 'sandbox.db') };
    // Started together on a new file: both migrate, one seeds.
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill('SIGTERM')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answer 400 concurrent writes without a single 5xx ("database is locked")', async () => {
    const statuses: number[] = [];
    const failures: string[] = [];
    const total = 400;
    let next = 0;
    // Eight callers per server at a time, as a busy console and a script would be.
    const worker = async (server: SpawnedServer) => {
      while (next < total) {
        const n = next;
        next += 1;
        const { method, path, body, headers } = write(n);
        const answer = await fetch(`${server.url}${path}`, { method, headers: { ...AUTH, ...headers }, body: JSON.stringify(body) });
        const text = await answer.text();
        statuses.push(answer.status);
        if (answer.status >= 500) failures.push(`${method} ${path}: ${answer.status} ${text}`);
      }
    };
    await Promise.all(servers.flatMap((server) => Array.from({ length: 8 }, () => worker(server))));
    expect(failures).toEqual([]);
    expect(statuses).toHaveLength(total);
    expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);
  }, 120_000);
});
