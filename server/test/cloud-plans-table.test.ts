import { beforeEach, describe, expect, it } from 'vitest';
import * as reads from '#api/cloud-plans-operations';
import { CLOUD_PLANS_OPERATIONS as TABLE } from '#api/cloud-plans-table';
import * as updates from '#api/cloud-plans-update-operations';
import { PERMISSIONS } from '#api/permissions';
import { CLOUD_PLANS_END, CLOUD_PLANS_START, cloudPlansTableMarkdown } from '../scripts/operations-doc';
import { CLOUD_PLANS_OPERATIONS as ORACLE, cloudPlansOperation as oracle, cloudPlansUrl } from './cloud-plans-operations';
import { createTestApp, ORGS, type TestApp, type TokenName } from './helpers';
import { MEMBERSHIPS } from './operations';
import { readmeBlock } from './readme';

/**
 * The Cloud Plans table (src/api/cloud-plans-table.ts) against the oracle (server/test/cloud-plans-operations.ts,
 * written from seed 001 and DESIGN.md): every row is the seed's operation with DESIGN.md's roles, is
 * dispatched by the sandbox with that permission, and is in the README.
 */
const ROWS = TABLE.map((row) => ({ row, action: row.action }));
/** Acme's three members, one per role (DESIGN.md, "Sandbox data and roles"). */
const ACME_MEMBERS = (['adminAcme', 'billingAcme', 'viewerAcme'] as const satisfies readonly TokenName[]).map((token) => ({ token, role: MEMBERSHIPS[token].acme }));

describe('the Cloud Plans table', () => {
  it('holds exactly the operations of the oracle, with their methods and paths, in its order', () => {
    expect(TABLE.map((row) => `${row.action} ${row.method} ${row.path}`)).toEqual(ORACLE.map((op) => `${op.action} ${op.method} ${op.path}`));
  });

  it('holds every row of its two modules, each exported under its action', () => {
    const exported = Object.entries({ ...reads, ...updates });
    expect(exported.map(([name, row]) => `${name}: ${row.action}`)).toEqual(exported.map(([name]) => `${name}: ${name}`));
    expect(new Set(exported.map(([, row]) => row))).toEqual(new Set(TABLE));
  });

  it.each(ROWS)("$action: its permission gives DESIGN.md's roles", ({ row }) => {
    expect([...PERMISSIONS[row.permission]].sort()).toEqual([...oracle(row.action).roles].sort());
  });
});

describe('the sandbox dispatches every row with its permission', () => {
  let app: TestApp;
  // The rows change the subscription: each test starts from the seed.
  beforeEach(() => {
    app = createTestApp();
    return () => app.close();
  });

  it('dispatches every row, and only rows', () => {
    expect(new Set(app.sandbox.cloudPlansOperations)).toEqual(new Set(TABLE));
  });

  it.each(ROWS.flatMap(({ row, action }) => ACME_MEMBERS.map(({ token, role }) => ({ row, action, token, role }))))(
    "$action: Acme's $role is refused with 403 exactly when DESIGN.md leaves the role out",
    async ({ row, token, role }) => {
      const op = oracle(row.action);
      const result = await app.call(op.method, cloudPlansUrl(op, ORGS.acme), { token, json: op.request(ORGS.acme).body });
      expect(role).toBeDefined();
      expect(result.status).toBe(role !== undefined && op.roles.includes(role) ? op.allowedOnAcme : 403);
    },
  );

  it.each(ROWS)('$action: an organization the caller is not a member of is a 404', async ({ row }) => {
    const op = oracle(row.action);
    expect((await app.call(op.method, cloudPlansUrl(op, ORGS.acme), { token: 'adminGlobex', json: op.request(ORGS.acme).body })).status).toBe(404);
  });

  it.each(ROWS)('$action: no token is a 401', async ({ row }) => {
    const op = oracle(row.action);
    expect((await app.call(op.method, cloudPlansUrl(op, ORGS.acme), { token: null, json: op.request(ORGS.acme).body })).status).toBe(401);
  });
});

describe('the README documents every row', () => {
  const block = readmeBlock(CLOUD_PLANS_START, CLOUD_PLANS_END);

  it('holds the table the code describes (npm run docs:operations writes it)', () => {
    expect(block).toBe(cloudPlansTableMarkdown());
  });

  it.each(ROWS)('$action has its line', ({ row }) => {
    expect(block.split('\n').filter((line) => line.startsWith(`| ${row.action} | `) && line.includes(`${row.method} \`${row.path}?action=${row.action}`))).toHaveLength(1);
  });
});
