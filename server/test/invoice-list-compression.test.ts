import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceListSchema } from '#api/contract';
import { createApp } from '../app';
import { migrate, openDatabase, type Db } from '../db/database';
import { ORG_IDS, seedDemoData } from '../db/seed';
import { readEnv } from '../env';
import { createLogger } from '../http/logger';
import { GZIP_FROM_BYTES } from '../sandbox/invoices';

describe('invoice list compression', () => {
  let dir: string;
  let db: Db;
  let app: ReturnType<typeof createApp>['app'];
  const get = (organizationId: string, encoding?: string) =>
    app.request(`/api/organization/${organizationId}/invoice`, {
      headers: { Authorization: 'Token sbx_billing_acme', ...(encoding ? { 'Accept-Encoding': encoding } : {}) },
    });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'billing-gzip-'));
    db = openDatabase(join(dir, 'sandbox.db'));
    migrate(db);
    seedDemoData(db, { largeOrgInvoices: 2_000 });
    ({ app } = createApp({ env: readEnv({}), logger: createLogger('silent'), db }));
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a large list gzipped to clients that accept it, with the same content', async () => {
    const plain = await get(ORG_IDS.initech);
    const plainText = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plainText.length).toBeGreaterThan(GZIP_FROM_BYTES);

    const zipped = await get(ORG_IDS.initech, 'gzip, deflate, br');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(plainText.length / 4);
    const unzipped = gunzipSync(bytes).toString('utf8');
    expect(unzipped).toBe(plainText);
    expect(invoiceListSchema.parse(JSON.parse(unzipped)).results).toHaveLength(2_000);
  });

  it.each([
    ['gzip;q=0', null],
    ['gzip; q=0.000, deflate', null],
    ['deflate, br', null],
    ['identity', null],
    ['*, gzip;q=0', null],
    ['br, *;q=0', null],
    ['gzipped', null],
    ['gzip;q=0.5, br', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=1.0, *;q=0.1', 'gzip'],
    ['gzip;q=0.1, *;q=0', 'gzip'],
  ])('reads the q-values of Accept-Encoding: %s', async (encoding, expected) => {
    const response = await get(ORG_IDS.initech, encoding);
    expect(response.headers.get('content-encoding')).toBe(expected);
    const text = expected === 'gzip' ? gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8') : await response.text();
    expect(invoiceListSchema.parse(JSON.parse(text)).results).toHaveLength(2_000);
  });

  it('sends a small list as is, whatever the client accepts', async () => {
    const response = await get(ORG_IDS.acme, 'gzip');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(invoiceListSchema.parse(await response.json()).results?.length).toBeGreaterThan(30);
  });
});
