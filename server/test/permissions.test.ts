import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '#api/api-error';
import { creditCardListSchema } from '#api/contract';
import { createTestApp, errorBody, parsed, TOKENS, type OrgName, type TestApp, type TokenName } from './helpers';
import { addGlobexFixtures, isOrganizationScoped, MEMBERSHIPS, operation, OPERATIONS, operationUrl, RESOURCES, type Operation } from './operations';

interface MatrixRow {
  token: TokenName;
  operation: Operation;
  org: OrgName | null;
  expected: number;
}

function expectedStatus(token: TokenName, op: Operation, org: OrgName | null): number {
  if (org === null || op.roles === null) return op.success;
  const role = MEMBERSHIPS[token][org];
  if (role === undefined) return 404;
  return op.roles.includes(role) ? op.success : 403;
}

const TOKEN_NAMES: readonly TokenName[] = ['adminAcme', 'billingAcme', 'viewerAcme', 'adminGlobex'];
const ORG_NAMES: readonly OrgName[] = ['acme', 'globex'];

const MATRIX: MatrixRow[] = TOKEN_NAMES.flatMap((token) =>
  OPERATIONS.flatMap((op) => {
    const orgs: ReadonlyArray<OrgName | null> = isOrganizationScoped(op) ? ORG_NAMES : [null];
    return orgs.map((org) => ({ token, operation: op, org, expected: expectedStatus(token, op, org) }));
  }),
);

/** A refusal carries the error shape and nothing else: no field of the resource leaks into it. */
function expectNoData(json: unknown): void {
  errorBodySchema.parse(json);
  expect(Object.keys(json ?? {}).sort()).toEqual(['message', 'request_id', 'status']);
}

const NOW = new Date('2026-03-10T12:00:00.000Z');

describe('role × operation matrix (DESIGN.md permissions)', () => {
  let shared: TestApp;
  beforeAll(() => {
    shared = createTestApp({ now: NOW });
    addGlobexFixtures(shared.db, NOW);
  });
  afterAll(() => shared.close());

  it('covers the 4 demo users × 20 operations × both organizations', () => {
    expect(new Set(OPERATIONS.map((op) => op.id)).size).toBe(20);
    // listOrganization is not organization-scoped: one row per user instead of two.
    expect(MATRIX).toHaveLength(4 * (19 * 2 + 1));
    const statuses = new Set(MATRIX.map((row) => row.expected));
    expect([...statuses].sort()).toEqual([200, 201, 202, 204, 403, 404]);
  });

  it.each(MATRIX.map((row) => ({ ...row, name: row.operation.id, where: row.org ?? '(all)' })))(
    '$token $name on $where answers $expected',
    async ({ token, operation: op, org, expected }) => {
      // Mutating calls get an app of their own, so that no row depends on the order of the others.
      const app = op.mutates ? createTestApp({ now: NOW }) : shared;
      if (op.mutates) addGlobexFixtures(app.db, NOW);
      try {
        const result = await app.call(op.method, operationUrl(op, org ?? 'acme'), { token, json: op.body?.(NOW) });
        expect(result.status, result.text).toBe(expected);
        if (expected >= 400) {
          expectNoData(result.json);
        } else if (op.response) {
          op.response.parse(result.json);
        } else if (op.extension) {
          op.extension.parse(result.json);
        } else {
          expect(result.text).toBe('');
        }
      } finally {
        if (op.mutates) await app.close();
      }
    },
  );
});

describe('authentication', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp({ now: NOW });
  });
  afterAll(() => app.close());

  const unauthenticated = OPERATIONS.flatMap((op) =>
    [
      { how: 'no Authorization header', token: null, scheme: 'Bearer' as const },
      { how: 'an unknown Bearer token', token: 'sbx_not_a_token', scheme: 'Bearer' as const },
      { how: 'an unknown Token token', token: 'sbx_not_a_token', scheme: 'Token' as const },
    ].map((variant) => ({ ...variant, op, name: op.id })),
  );

  it.each(unauthenticated)('$name with $how answers 401', async ({ op, token, scheme }) => {
    const result = await app.call(op.method, operationUrl(op, 'acme'), { token, scheme, json: op.body?.(NOW) });
    const body = errorBody(result, 401);
    expect(body.message).toMatch(/Authorization: Bearer <token>/);
    expectNoData(result.json);
  });

  it('rejects other schemes and malformed headers', async () => {
    const url = operationUrl(operation('getOrganization'), 'acme');
    for (const header of [`Basic ${TOKENS.adminAcme}`, TOKENS.adminAcme, 'Bearer', `Bearer ${TOKENS.adminAcme} extra`, '']) {
      const result = await app.call('GET', url, { token: null, headers: { Authorization: header } });
      expect(result.status, header).toBe(401);
    }
  });

  it('accepts both Bearer and Token, in any case', async () => {
    const url = operationUrl(operation('getOrganization'), 'acme');
    for (const header of [`Bearer ${TOKENS.adminAcme}`, `Token ${TOKENS.adminAcme}`, `bearer ${TOKENS.adminAcme}`, `TOKEN ${TOKENS.adminAcme}`]) {
      const result = await app.call('GET', url, { token: null, headers: { Authorization: header } });
      expect(result.status, header).toBe(200);
    }
  });
});

describe('cross-organization access', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp({ now: NOW });
  });
  afterAll(() => app.close());

  const acme = RESOURCES.acme;
  const underGlobex = [
    { what: 'an Acme invoice', url: operationUrl(operation('getOrganizationInvoice'), 'globex', { invoiceId: acme.invoiceId }), method: 'GET' },
    { what: "an Acme invoice's PDF link", url: operationUrl(operation('getOrganizationInvoicePDF'), 'globex', { invoiceId: acme.invoiceId }), method: 'GET' },
    { what: "an Acme cluster's cost", url: operationUrl(operation('getClusterCurrentCost'), 'globex', { clusterId: acme.clusterId }), method: 'GET' },
    { what: 'an Acme card (delete)', url: operationUrl(operation('deleteCreditCard'), 'globex', { creditCardId: acme.creditCardId }), method: 'DELETE' },
  ];

  it.each(underGlobex)("the Globex admin asking for $what under Globex's path gets 404 and no data", async ({ url, method }) => {
    const result = await app.call(method, url, { token: 'adminGlobex' });
    errorBody(result, 404);
    expectNoData(result.json);
    for (const id of Object.values(acme)) expect(result.text).not.toContain(id);
  });

  it("leaves the Acme card in place after the Globex admin's delete attempt", async () => {
    await app.call('DELETE', operationUrl(operation('deleteCreditCard'), 'globex', { creditCardId: acme.creditCardId }), { token: 'adminGlobex' });
    const cards = parsed(await app.call('GET', operationUrl(operation('listOrganizationCreditCards'), 'acme')), 200, creditCardListSchema);
    expect(cards.results?.map((card) => card.id)).toContain(acme.creditCardId);
  });

  it('the Acme admin, a Globex viewer, cannot read or edit Globex billing info (403)', async () => {
    const read = await app.call('GET', operationUrl(operation('getOrganizationBillingInfo'), 'globex'), { token: 'adminAcme' });
    expect(errorBody(read, 403).message).toMatch(/viewer/);
    expectNoData(read.json);
    const edit = await app.call('PUT', operationUrl(operation('editOrganizationBillingInfo'), 'globex'), {
      token: 'adminAcme',
      json: operation('editOrganizationBillingInfo').body?.(NOW),
    });
    errorBody(edit, 403);
  });

  it('an organization that does not exist answers 404 like one the user is not a member of', async () => {
    const missing = await app.call('GET', '/api/organization/00000000-0000-4000-8000-000000000000/billingInfo');
    const foreign = await app.call('GET', operationUrl(operation('getOrganizationBillingInfo'), 'globex'), { token: 'billingAcme' });
    expect(errorBody(missing, 404).message).toBe(errorBody(foreign, 404).message);
  });
});
