import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { migrate, openDatabase, type Db } from '../db/database';
import { ORG_IDS, seedDemoData } from '../db/seed';
import { readEnv } from '../env';
import { createLogger } from '../http/logger';

/**
 * What the sandbox keeps of a card, and what it writes to its log: the promise is that the
 * number and the security code go nowhere. The log runs at debug level, the most talkative.
 */
const NUMBER = '378282246310005';
const CVC = '7531';
const cardsPath = `/api/organization/${ORG_IDS.acme}/creditCard`;

let dir = '';
let db: Db;
let log: string[] = [];
let app: ReturnType<typeof createApp>['app'];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'billing-card-data-'));
  db = openDatabase(join(dir, 'sandbox.db'));
  migrate(db);
  seedDemoData(db);
  log = [];
  app = createApp({ env: readEnv({}), logger: createLogger('debug', (line) => log.push(line)), db }).app;
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(body: string, headers: Record<string, string> = {}) {
  return app.request(cardsPath, {
    method: 'POST',
    headers: { Authorization: 'Token sbx_admin_acme', 'Content-Type': 'application/json', ...headers },
    body,
  });
}

/** Every byte the database has written (main file and write-ahead log). */
function databaseBytes(): string {
  db.pragma('wal_checkpoint(FULL)');
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name)).toString('latin1'))
    .join('');
}

describe('card data in the sandbox', () => {
  it('keeps only the brand, the last 4 digits and the expiry; neither the log nor the database holds the number or the CVC', async () => {
    const response = await post(JSON.stringify({ number: '3782 822463 10005', cvv: CVC, expiry_month: 12, expiry_year: new Date().getUTCFullYear() + 1 }));
    expect(response.status).toBe(201);
    const card: unknown = await response.json();
    expect(card).toMatchObject({ brand: 'AMEX', last_digit: '0005', expiry_month: 12, is_expired: false });
    expect(JSON.stringify(card)).not.toContain(NUMBER);

    expect(log.some((line) => line.includes(`POST ${cardsPath} 201`))).toBe(true);
    expect(log.join('')).not.toContain(NUMBER);
    expect(log.join('')).not.toContain(CVC);
    const bytes = databaseBytes();
    expect(bytes).toContain('0005');
    expect(bytes).not.toContain(NUMBER);
  });

  it('logs refused cards (declined, invalid, malformed JSON) without their data', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const declined = await post(JSON.stringify({ number: '4000000000000002', cvv: CVC, expiry_month: 12, expiry_year: year }));
    expect(declined.status).toBe(400);
    const invalid = await post(JSON.stringify({ number: '378282246310006', cvv: CVC, expiry_month: 12, expiry_year: year }));
    expect(invalid.status).toBe(400);
    const malformed = await post(`{"number": "${NUMBER}", "cvv": "${CVC}",`);
    expect(malformed.status).toBe(400);

    expect(log.filter((line) => line.includes(`POST ${cardsPath} 400`))).toHaveLength(3);
    const written = log.join('') + databaseBytes();
    for (const secret of ['4000000000000002', '378282246310006', NUMBER, CVC]) expect(written).not.toContain(secret);
  });

  it('names every invalid field in one answer, even when some are missing', async () => {
    const response = await post(JSON.stringify({ number: '4242', cvv: '' }));
    expect(response.status).toBe(400);
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      errors: [
        { field: 'number', message: 'A Visa number has 13, 16 or 19 digits' },
        { field: 'expiry_month', message: 'Choose the expiry month' },
        { field: 'expiry_year', message: 'Choose the expiry year' },
        { field: 'cvv', message: 'Security code is required' },
      ],
    });
  });

  it('adds one card for two requests with the same Idempotency-Key', async () => {
    const body = JSON.stringify({ number: NUMBER, cvv: CVC, expiry_month: 12, expiry_year: new Date().getUTCFullYear() + 1 });
    const first = await post(body, { 'Idempotency-Key': 'attempt-0123456789' });
    const second = await post(body, { 'Idempotency-Key': 'attempt-0123456789' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    const created: unknown = await first.json();
    const replayed: unknown = await second.json();
    expect(replayed).toEqual(created);
    const list = await app.request(cardsPath, { headers: { Authorization: 'Token sbx_admin_acme' } });
    const cards: unknown = await list.json();
    expect(JSON.stringify(cards).match(/"last_digit":"0005"/g)).toHaveLength(1);
  });
});
