import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { errorBodySchema } from '#api/api-error';
import { createTestApp, type OrgName, type TokenName } from './helpers';
import { OpenApiDocument, isRecord } from './openapi';
import { addGlobexFixtures, isOrganizationScoped, OPERATIONS, operationUrl, type Operation } from './operations';

// The spec lives next to the repository (CI checks it out there); it is not copied in.
const SPEC_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../..', '../shared/contracts/qovery-billing-openapi.yaml');
const SPEC_PRESENT = existsSync(SPEC_PATH);

const NOW = new Date('2026-03-10T12:00:00.000Z');
const NOWHERE = '00000000-0000-4000-8000-000000000000';

interface ContractCase {
  op: Operation;
  what: string;
  org: OrgName;
  token: TokenName | null;
  json?: unknown;
  ids?: Parameters<typeof operationUrl>[2];
}

function casesFor(op: Operation): ContractCase[] {
  const cases: ContractCase[] = [
    { op, what: 'success for Acme', org: 'acme', token: 'adminAcme', json: op.body?.(NOW) },
    { op, what: 'success for Globex', org: 'globex', token: 'adminGlobex', json: op.body?.(NOW) },
    { op, what: 'no token', org: 'acme', token: null, json: op.body?.(NOW) },
  ];
  if (op.invalidBody !== undefined) cases.push({ op, what: 'invalid body', org: 'acme', token: 'adminAcme', json: op.invalidBody });
  if (op.roles !== null && !op.roles.includes('viewer')) {
    cases.push({ op, what: 'a viewer', org: 'acme', token: 'viewerAcme', json: op.body?.(NOW) });
  }
  if (isOrganizationScoped(op)) {
    cases.push({ op, what: 'an unknown organization', org: 'acme', token: 'adminAcme', json: op.body?.(NOW), ids: { organizationId: NOWHERE } });
  }
  for (const [placeholder, key] of [
    ['{clusterId}', 'clusterId'],
    ['{invoiceId}', 'invoiceId'],
    ['{creditCardId}', 'creditCardId'],
  ] as const) {
    if (op.path.includes(placeholder)) cases.push({ op, what: `an unknown ${key}`, org: 'acme', token: 'adminAcme', ids: { [key]: NOWHERE } });
  }
  return cases;
}

const CASES = OPERATIONS.flatMap(casesFor).map((entry) => ({ ...entry, name: entry.op.id }));

/**
 * Statuses the spec lists that no request can produce here, and why: listOrganization is not about
 * one organization, and operations every member may call have no role to forbid.
 */
function unreachable(op: Operation, status: number): boolean {
  if (op.id === 'listOrganization') return status === 403 || status === 404;
  return status === 403 && op.roles !== null && op.roles.includes('viewer');
}

describe.skipIf(!SPEC_PRESENT)('responses match the OpenAPI contract', () => {
  const document: unknown = SPEC_PRESENT ? parse(readFileSync(SPEC_PATH, 'utf8')) : {};
  const spec = new OpenApiDocument(isRecord(document) ? document : {});
  const produced = new Map<string, Set<number>>();

  it('declares exactly the operations the tests call', () => {
    const declared = [...spec.operationIds()].map(([route, id]) => `${id} ${route}`).sort();
    expect(declared).toEqual(OPERATIONS.map((op) => `${op.id} ${op.method} ${op.path}`).sort());
  });

  it.each(CASES)('$name, $what: a status the spec lists, with the body it declares', async ({ op, org, token, json, ids }) => {
    const app = createTestApp({ now: NOW });
    try {
      addGlobexFixtures(app.db, NOW);
      const result = await app.call(op.method, operationUrl(op, org, ids), { token, json });
      const operation = spec.operation(op.method, op.path);
      expect(operation.operationId).toBe(op.id);
      expect([...operation.responses.keys()], `${result.status}: ${result.text.slice(0, 200)}`).toContain(result.status);
      produced.set(op.id, (produced.get(op.id) ?? new Set<number>()).add(result.status));

      const declared = operation.responses.get(result.status);
      if (declared?.schema) {
        expect(result.headers.get('Content-Type')).toMatch(/^application\/json/);
        expect(spec.validate(declared.schema, result.json)).toEqual([]);
        expect(spec.undeclaredFields(declared.schema, result.json)).toEqual([]);
      } else if (result.status < 300 && op.extension) {
        expect(op.extension.safeParse(result.json).success, result.text).toBe(true);
      } else if (result.status < 300) {
        expect(result.text).toBe('');
      } else {
        // The spec leaves error bodies open; ours are the documented {status, message, errors?}.
        expect(errorBodySchema.parse(result.json).status).toBe(result.status);
      }
    } finally {
      await app.close();
    }
  });

  it('produced every status the spec lists for every operation', () => {
    const missing = OPERATIONS.flatMap((op) =>
      [...spec.operation(op.method, op.path).responses.keys()]
        .filter((status) => !unreachable(op, status) && !produced.get(op.id)?.has(status))
        .map((status) => `${op.id} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it('catches a response that breaks the contract', () => {
    const invoice = { $ref: '#/components/schemas/Invoice' };
    const valid = { id: NOWHERE, created_at: NOW.toISOString(), status: 'PAID', total_in_cents: 100, total: 1, currency_code: 'USD' };
    expect(spec.validate(invoice, valid)).toEqual([]);
    expect(spec.validate(invoice, { ...valid, status: 'LATE' })).not.toEqual([]);
    expect(spec.validate(invoice, { ...valid, total_in_cents: 1.5 })).not.toEqual([]);
    expect(spec.validate(invoice, { ...valid, id: 'not-a-uuid' })).not.toEqual([]);
    const { currency_code: _dropped, ...incomplete } = valid;
    expect(spec.validate(invoice, incomplete)).not.toEqual([]);
    expect(spec.undeclaredFields(invoice, { ...valid, totl: 1 })).toEqual(['.totl']);
    // Nullable fields take null, others do not.
    expect(spec.validate({ $ref: '#/components/schemas/BillingInfo' }, { email: null })).toEqual([]);
    expect(spec.validate({ $ref: '#/components/schemas/Link' }, { url: null })).not.toEqual([]);
  });
});

if (!SPEC_PRESENT) {
  describe('OpenAPI contract test', () => {
    it.skip(`skipped: ${SPEC_PATH} is absent (CI checks out ../shared next to the repository)`, () => undefined);
  });
}
