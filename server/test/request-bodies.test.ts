import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorBody, fieldError, type TestApp } from './helpers';
import { OPERATIONS, operationUrl } from './operations';

const BODY_OPERATIONS = OPERATIONS.filter((op) => op.body !== undefined).map((op) => ({ op, name: op.id }));

/** Each operation's fields with a value of the wrong JSON type, and the message its field error must carry. */
const WRONG_TYPES: Record<string, { body: Record<string, unknown>; errors: Record<string, string> }> = {
  addCreditCode: { body: { code: ['WELCOME100'] }, errors: { code: 'Enter a credit code' } },
  changePlan: { body: { plan: { name: 'TEAM_2025' } }, errors: { plan: 'Choose a plan' } },
  editOrganizationBillingInfo: {
    body: { first_name: 1, last_name: true, email: null, address: [], city: {}, zip: 75002, country_code: 33, company: 7, vat_number: false },
    errors: {
      first_name: 'First name is required',
      last_name: 'Last name is required',
      email: 'Billing email is required',
      address: 'Address is required',
      city: 'City is required',
      zip: 'Postal code is required',
      country_code: 'Country is required',
      company: 'Company must be text',
      vat_number: 'VAT number must be text',
    },
  },
  generateBillingUsageReport: {
    body: { from: 20260101, to: null, report_expiration_in_seconds: '3600' },
    errors: {
      from: 'Start must be an ISO 8601 date-time, like 2025-01-31T23:59:59Z',
      to: 'End must be an ISO 8601 date-time, like 2025-01-31T23:59:59Z',
      report_expiration_in_seconds: 'Link lifetime must be a whole number of seconds',
    },
  },
  addCreditCard: {
    body: { number: 4242424242424242, cvv: 123, expiry_month: '12', expiry_year: '2030' },
    errors: { number: 'Card number is required', cvv: 'Security code is required', expiry_month: 'Choose the expiry month', expiry_year: 'Choose the expiry year' },
  },
};

describe('request bodies', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp();
  });
  afterAll(() => app.close());

  it('knows every operation that takes a body', () => {
    expect(BODY_OPERATIONS.map(({ name }) => name).sort()).toEqual(Object.keys(WRONG_TYPES).sort());
  });

  it.each(BODY_OPERATIONS)('$name: malformed JSON is a 400', async ({ op }) => {
    for (const body of ['{', '{"code": }', "{'plan': 'TEAM'}", 'undefined', '\u0000']) {
      const result = await app.call(op.method, operationUrl(op, 'acme'), { body, headers: { 'Content-Type': 'application/json' } });
      expect(errorBody(result, 400).message, body).toBe('The request body is not valid JSON');
    }
  });

  it.each(BODY_OPERATIONS)('$name: JSON nested thousands of levels deep is a 400, not a stack overflow', async ({ op }) => {
    const deep = '['.repeat(6000) + ']'.repeat(6000);
    for (const body of [deep, `{"plan": ${deep}}`, `{"code": ${deep}}`]) {
      const result = await app.call(op.method, operationUrl(op, 'acme'), { body, headers: { 'Content-Type': 'application/json' } });
      expect(result.status, body.slice(0, 12)).toBe(400);
    }
  });

  it.each(BODY_OPERATIONS)('$name: an empty body is read as {}, whatever its Content-Type: its required fields are named', async ({ op }) => {
    for (const type of ['application/json', 'application/x-www-form-urlencoded', 'text/plain']) {
      const body = errorBody(await app.call(op.method, operationUrl(op, 'acme'), { body: '', headers: { 'Content-Type': type } }), 400);
      expect(body.errors?.length, type).toBeGreaterThan(0);
    }
  });

  it.each(BODY_OPERATIONS)('$name: bytes that are not UTF-8 are a 400, whatever charset is declared', async ({ op }) => {
    // "Société" in Latin-1: decoded leniently, each é would be stored as U+FFFD.
    const latin1 = Uint8Array.from(Buffer.from('{"company": "Soci\xe9t\xe9", "code": "Soci\xe9t\xe9"}', 'latin1'));
    for (const type of ['application/json', 'application/json; charset=iso-8859-1']) {
      const result = await app.call(op.method, operationUrl(op, 'acme'), { body: latin1, headers: { 'Content-Type': type } });
      expect(errorBody(result, 400).message, type).toBe('The request body is not valid UTF-8');
    }
  });

  it.each(BODY_OPERATIONS)('$name: a JSON value that is not an object is a 400 on the body', async ({ op }) => {
    for (const json of [null, [], 42, 'text', true]) {
      const body = errorBody(await app.call(op.method, operationUrl(op, 'acme'), { json }), 400);
      expect(body.errors).toEqual([{ field: '', message: 'The request body must be a JSON object' }]);
    }
  });

  it.each(BODY_OPERATIONS)('$name: wrong types are a 400 naming each field', async ({ op, name }) => {
    const wrong = WRONG_TYPES[name];
    if (!wrong) throw new Error(`No wrong-type body for ${name}`);
    const body = errorBody(await app.call(op.method, operationUrl(op, 'acme'), { json: wrong.body }), 400);
    for (const [field, message] of Object.entries(wrong.errors)) expect(fieldError(body, field), field).toBe(message);
    expect(body.errors).toHaveLength(Object.keys(wrong.errors).length);
  });

  it.each(BODY_OPERATIONS)('$name: a body over 16 KB is a 413, with or without Content-Length', async ({ op }) => {
    const huge = JSON.stringify({ ...(op.body?.(new Date()) ?? {}), padding: 'x'.repeat(16 * 1024) });
    const streamed = await app.call(op.method, operationUrl(op, 'acme'), { body: huge, headers: { 'Content-Type': 'application/json' } });
    expect(errorBody(streamed, 413).message).toBe('The request body is larger than 16 KB');
    const declared = await app.call(op.method, operationUrl(op, 'acme'), {
      body: huge,
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(huge)) },
    });
    errorBody(declared, 413);
  });

  it('accepts a body just under the limit', async () => {
    const op = OPERATIONS.find((candidate) => candidate.id === 'changePlan');
    if (!op) throw new Error('changePlan is missing');
    const body = JSON.stringify({ plan: 'TEAM_2025', padding: 'x'.repeat(16 * 1024 - 40) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(16 * 1024);
    expect((await app.call('POST', operationUrl(op, 'acme'), { body })).status).toBe(200);
  });

  it('never logged a server error', () => {
    expect(app.logs.filter((line) => line.includes(' error '))).toEqual([]);
  });
});
