import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { errorBodySchema } from '#api/api-error';
import { PLAN_CATALOG } from '#api/plans';
import { DEMO_CREDIT_CODES } from '../db/seed';
import { countRows, createTestApp, ORGS, type OrgName, type TestApp, type TokenName } from './helpers';
import { operation, operationUrl, RESOURCES, type Operation } from './operations';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const RUNS_PER_OPERATION = 80;

interface FuzzRequest {
  org: OrgName;
  body: string | undefined;
  contentType: string | null;
  idempotencyKey: string | null;
  creditCardId: string;
}

const ADMINS: Record<OrgName, TokenName> = { acme: 'adminAcme', globex: 'adminGlobex' };

/** A JSON value of the wrong kind for any field: numbers as strings, nested junk, unicode, nothing. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.integer({ min: 1, max: 2100 }).map(String),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '😀', 'ǅ', '１２', '-0', '1e3', 'NaN', '<script>', "'; DROP TABLE credit_cards; --"),
);

/** Strings up to 40,000 characters: below and above the 16 KB body limit, in one- to four-byte characters. */
const hugeString = fc
  .tuple(fc.integer({ min: 1_000, max: 40_000 }), fc.constantFrom('x', 'é', '€', '😀', '\u0000', '9'))
  .map(([length, char]) => char.repeat(Math.ceil(length / char.length)));

function text(value: unknown): string | undefined {
  // JSON.stringify answers undefined for undefined and functions: send no body then.
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Bodies for one operation, around its valid body. */
function bodies(valid: Record<string, unknown>): fc.Arbitrary<string | undefined> {
  const keys = Object.keys(valid);
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('padding');
  return fc.oneof(
    fc.constant(text(valid)),
    fc.jsonValue({ maxDepth: 4 }).map(text),
    fc.anything({ maxDepth: 3 }).map(text),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }).map(text),
    fc.record(Object.fromEntries(keys.map((name) => [name, wrongValue])), { requiredKeys: [] }).map(text),
    fc.tuple(key, wrongValue).map(([name, value]) => text({ ...valid, [name]: value })),
    fc.tuple(key, hugeString).map(([name, value]) => text({ ...valid, [name]: value })),
    key.map((name) => text(Object.fromEntries(Object.entries(valid).filter(([other]) => other !== name)))),
    fc
      .tuple(key, fc.constantFrom('  %s  ', '%s'.toLowerCase(), '%s\u0000', '%s%s', '\u00a0%s'))
      .map(([name, pattern]) => text({ ...valid, [name]: typeof valid[name] === 'string' ? pattern.replaceAll('%s', String(valid[name])) : valid[name] })),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.integer({ min: 1, max: 4_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    fc.integer({ min: 1, max: 2_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    fc.nat({ max: 200 }).map((cut) => (text(valid) ?? '').slice(0, cut)),
  );
}

function requests(op: Operation, orgs: readonly OrgName[]): fc.Arbitrary<FuzzRequest> {
  const valid = op.body?.(NOW);
  const validRecord = z.record(z.string(), z.unknown()).safeParse(valid);
  return fc.record({
    org: fc.constantFrom(...orgs),
    body: op.body ? bodies(validRecord.success ? validRecord.data : {}) : fc.option(fc.string({ unit: 'binary', maxLength: 100 }), { nil: undefined }),
    contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', null),
    idempotencyKey: fc.option(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{0,110}$/), fc.string({ unit: 'grapheme-ascii', maxLength: 30 })), { nil: null }),
    creditCardId: fc.oneof(fc.constantFrom(RESOURCES.acme.creditCardId, RESOURCES.globex.creditCardId), fc.uuid(), fc.string({ maxLength: 40 })),
  });
}

function validRequest(op: Operation, org: OrgName): FuzzRequest {
  return { org, body: op.body ? text(op.body(NOW)) : undefined, contentType: 'application/json', idempotencyKey: null, creditCardId: RESOURCES[org].creditCardId };
}

const TARGETS: ReadonlyArray<{ op: Operation; orgs: readonly OrgName[] }> = [
  { op: operation('editOrganizationBillingInfo'), orgs: ['acme', 'globex'] },
  { op: operation('addCreditCard'), orgs: ['acme', 'globex'] },
  { op: operation('deleteCreditCard'), orgs: ['acme', 'globex'] },
  { op: operation('addCreditCode'), orgs: ['acme', 'globex'] },
  { op: operation('changePlan'), orgs: ['acme', 'globex'] },
  { op: operation('generateBillingUsageReport'), orgs: ['acme', 'globex'] },
  // Globex has no invoice: each mail is cheap to build, where Acme's renders dozens of PDFs.
  { op: operation('organizationDownloadAllInvoices'), orgs: ['globex'] },
];

describe('random and malformed bodies on every mutating operation', () => {
  let app: TestApp;
  const seen = new Map<string, number[]>();

  beforeAll(() => {
    app = createTestApp({ now: NOW });
  });
  afterAll(() => app.close());

  it.each(TARGETS.map((target) => ({ ...target, name: target.op.id })))('$name never answers 5xx', async ({ op, orgs }) => {
    const statuses: number[] = [];
    seen.set(op.id, statuses);
    await fc.assert(
      fc.asyncProperty(requests(op, orgs), async (request) => {
        const headers: Record<string, string> = {};
        if (request.contentType !== null) headers['Content-Type'] = request.contentType;
        if (request.idempotencyKey !== null) headers['Idempotency-Key'] = request.idempotencyKey;
        const url = operationUrl(op, request.org, { creditCardId: encodeURIComponent(request.creditCardId) });
        const result = await app.call(op.method, url, { token: ADMINS[request.org], body: request.body, headers });
        statuses.push(result.status);
        expect(result.status, `${op.method} ${url} ${request.body?.slice(0, 200) ?? ''} → ${result.text.slice(0, 200)}`).toBeLessThan(500);
        if (result.status >= 400) expect(errorBodySchema.parse(result.json).status).toBe(result.status);
      }),
      { numRuns: RUNS_PER_OPERATION, examples: orgs.map((org) => [validRequest(op, org)]) },
    );
    expect(
      statuses.some((status) => status >= 200 && status < 300),
      `${op.id} never succeeded`,
    ).toBe(true);
    if (op.body) expect(statuses.filter((status) => status === 400).length, `${op.id} never refused a body`).toBeGreaterThan(0);
  });

  it('sent a few hundred requests', () => {
    expect([...seen.values()].flat().length).toBeGreaterThanOrEqual(TARGETS.length * RUNS_PER_OPERATION);
  });

  it('logged no server error', async () => {
    await app.sandbox.mailer.idle();
    expect(app.logs.filter((line) => / error /.test(line))).toEqual([]);
  });

  it('left a sound database with no partial rows', async () => {
    await app.sandbox.mailer.idle();
    const { db } = app;
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    expect(
      countRows(
        db,
        'credit_cards',
        `brand NOT IN ('VISA', 'MASTERCARD', 'AMEX', 'DISCOVER', 'DINERS', 'JCB', 'UNIONPAY') OR last4 NOT GLOB '[0-9][0-9][0-9][0-9]'
         OR expiry_month NOT BETWEEN 1 AND 12 OR expiry_year NOT BETWEEN 2000 AND 2100 OR created_at IS NULL`,
      ),
    ).toBe(0);

    const required = ['first_name', 'last_name', 'email', 'address', 'city', 'zip', 'country_code'];
    const complete = required.map((column) => `(${column} IS NOT NULL AND trim(${column}) <> '')`).join(' AND ');
    const empty = required.map((column) => `${column} IS NULL`).join(' AND ');
    expect(countRows(db, 'billing_info', `NOT ((${complete}) OR (${empty}))`)).toBe(0);
    expect(countRows(db, 'billing_info', "state IS NOT NULL AND country_code <> 'US'")).toBe(0);
    expect(countRows(db, 'billing_info', "country_code = 'US' AND state IS NULL")).toBe(0);

    // Credit comes only from redemptions: every redemption added its amount, nothing else added any.
    const credit = db
      .prepare(
        `SELECT o.id, o.credit_cents, COALESCE(SUM(c.amount_cents), 0) AS redeemed FROM organizations o
         LEFT JOIN credit_redemptions r ON r.organization_id = o.id LEFT JOIN credit_codes c ON c.code = r.code GROUP BY o.id`,
      )
      .all();
    for (const row of z.array(z.object({ id: z.string(), credit_cents: z.number(), redeemed: z.number() })).parse(credit)) {
      expect(row.credit_cents, row.id).toBe(row.redeemed);
    }
    const expiredCodes = DEMO_CREDIT_CODES.filter((code) => code.expires_at !== null && Date.parse(code.expires_at) < NOW.getTime()).map((code) => code.code);
    expect(countRows(db, 'credit_redemptions', `code IN (${expiredCodes.map(() => '?').join(', ')})`, ...expiredCodes)).toBe(0);

    const deprecated = Object.values(PLAN_CATALOG)
      .filter((plan) => plan.deprecated)
      .map((plan) => plan.id);
    expect(countRows(db, 'organizations', `plan IN (${deprecated.map(() => '?').join(', ')})`, ...deprecated)).toBe(0);

    expect(
      countRows(
        db,
        'usage_reports',
        `period_from >= period_to OR julianday(period_to) - julianday(period_from) > 366
         OR (julianday(expires_at) - julianday(created_at)) * 86400 NOT BETWEEN 59.999 AND 604800.001`,
      ),
    ).toBe(0);
    expect(countRows(db, 'outbox', 'attachment IS NULL OR attachment_name IS NULL OR to_address IS NULL')).toBe(0);
    expect(countRows(db, 'outbox', 'organization_id = ?', ORGS.globex)).toBeGreaterThan(0);
  });
});
