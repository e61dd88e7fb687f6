import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS as TABLE } from '#api/operation-table';
import { PERMISSIONS } from '#api/permissions';
import { GATEWAY_OPERATIONS, restRoutePath } from '../gateway/operations';
import { gatewayRestRoutes } from '../gateway/rest';
import { routePath } from '../sandbox/operation-routes';
import { END, START, operationTableMarkdown } from '../scripts/operations-doc';
import { createTestApp, type TestApp } from './helpers';
import { MEMBERSHIPS, operation as oracle, operationUrl, OPERATIONS as ORACLE } from './operations';
import { readmeBlock } from './readme';

/**
 * The operation table (src/api/operation-table.ts) against the oracle (server/test/operations.ts,
 * written from the spec and DESIGN.md): every row is the spec's operation with DESIGN.md's roles, is
 * mounted in the sandbox with that permission, is exposed by the gateway when it says so, and is in
 * the README.
 */
const NOW = new Date('2026-03-10T12:00:00.000Z');
const ROWS = TABLE.map((row) => ({ row, name: row.id }));

describe('the operation table', () => {
  it('holds exactly the operations of the oracle, with their methods and paths', () => {
    expect(TABLE.map((row) => `${row.id} ${row.method} ${row.path}`).sort()).toEqual(ORACLE.map((op) => `${op.id} ${op.method} ${op.path}`).sort());
  });

  it.each(ROWS)("$name: its permission gives DESIGN.md's roles", ({ row }) => {
    const roles = row.permission === null ? null : [...PERMISSIONS[row.permission]].sort();
    expect(roles).toEqual(oracle(row.id).roles === null ? null : [...(oracle(row.id).roles ?? [])].sort());
  });
});

describe('the sandbox mounts every row with its permission', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp({ now: NOW });
  });
  afterAll(() => app.close());

  it('mounts every row, and only rows', () => {
    expect([...app.sandbox.operations].map((row) => `${row.method} ${row.path}`).sort()).toEqual(TABLE.map((row) => `${row.method} ${row.path}`).sort());
    const routes = new Set(app.sandbox.qoveryApi.routes.map((route) => `${route.method} ${route.path}`));
    for (const row of TABLE) expect(routes, row.id).toContain(`${row.method} /${routePath(row.path).replace(/^\//, '')}`);
  });

  it.each(ROWS)('$name: a viewer is refused exactly when the permission leaves viewers out', async ({ row }) => {
    const op = oracle(row.id);
    const result = await app.call(op.method, operationUrl(op, 'acme'), { token: 'viewerAcme', json: op.body?.(NOW) });
    expect(MEMBERSHIPS.viewerAcme.acme).toBe('viewer');
    if (op.roles !== null && !op.roles.includes('viewer')) expect(result.status).toBe(403);
    else expect(result.status).toBe(op.success);
  });

  it.each(ROWS)('$name: no token is a 401', async ({ row }) => {
    const op = oracle(row.id);
    expect((await app.call(op.method, operationUrl(op, 'acme'), { token: null, json: op.body?.(NOW) })).status).toBe(401);
  });
});

describe('the gateway exposes the rows that say so', () => {
  it('has one operation per row with `gateway`, and none for the others', () => {
    const exposed = TABLE.filter((row) => row.gateway !== undefined).map((row) => `${row.method} ${row.path}`);
    expect(GATEWAY_OPERATIONS.map((op) => `${op.method} ${op.upstreamPath}`).sort()).toEqual(exposed.sort());
    // The 16 of seed 004 and getOrganizationEvents (billing activity).
    expect(exposed.length).toBe(17);
  });

  it('mounts a REST route for each', () => {
    const routes = gatewayRestRoutes({ call: () => Promise.reject(new Error('not called')) }, 'http://localhost').routes.map((route) => `${route.method} ${route.path}`);
    expect(routes.sort()).toEqual(GATEWAY_OPERATIONS.map((op) => `${op.method} ${restRoutePath(op)}`).sort());
  });
});

describe('the README documents every row', () => {
  const block = readmeBlock(START, END);

  it('holds the table the code describes (npm run docs:operations writes it)', () => {
    expect(block).toBe(operationTableMarkdown());
  });

  it.each(ROWS)('$name has its line', ({ row }) => {
    expect(block.split('\n').filter((line) => line.startsWith(`| ${row.id} | ${row.method} \`${row.path}\` |`))).toHaveLength(1);
  });
});
