import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INVOICE_STATUSES, invoiceListSchema, type Invoice } from '#api/contract';
import { createApp } from '../app';
import { readEnv } from '../env';
import { createLogger } from '../http/logger';
import { migrate, openDatabase, type Db } from './database';
import { ORG_IDS, resetDemoData, seedDemoData, type SeedOptions } from './seed';

/**
 * The invoice data the invoice pages, their end-to-end journey and `npm run bench:invoices` rely on,
 * read back through the API the way the console reads it.
 */
const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sandbox(options: SeedOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'billing-invoice-seed-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'test.db'));
  dbs.push(db);
  migrate(db);
  seedDemoData(db, options);
  const { app } = createApp({ env: readEnv({}), logger: createLogger('silent'), db, now: () => options.now ?? new Date() });
  const invoices = async (organizationId: string, token: string): Promise<{ status: number; results: Invoice[] }> => {
    const response = await app.request(`/api/organization/${organizationId}/invoice`, { headers: { Authorization: `Token ${token}` } });
    if (!response.ok) return { status: response.status, results: [] };
    return { status: response.status, results: invoiceListSchema.parse(await response.json()).results ?? [] };
  };
  return { db, invoices };
}

describe('Acme’s invoices', () => {
  // The finance journey filters to unpaid invoices of last year: one PAYMENT_DUE invoice must fall in
  // the previous calendar year of the billing calendar (UTC, as the console filters) whatever the day
  // the demo is seeded.
  for (const now of [
    new Date(Date.UTC(2025, 0, 1, 0, 30)),
    new Date(Date.UTC(2025, 2, 31, 12)),
    new Date(Date.UTC(2025, 5, 15, 12)),
    new Date(Date.UTC(2025, 11, 31, 23, 30)),
    new Date(Date.UTC(2028, 1, 29, 9)),
  ]) {
    it(`has an unpaid invoice in the previous calendar year when seeded on ${now.toISOString()}`, async () => {
      const { invoices } = sandbox({ now });
      const { status, results } = await invoices(ORG_IDS.acme, 'sbx_billing_acme');
      expect(status).toBe(200);
      expect(results).toHaveLength(37);
      const lastYear = results.filter((invoice) => invoice.status === 'PAYMENT_DUE' && new Date(invoice.created_at).getUTCFullYear() === now.getUTCFullYear() - 1);
      expect(lastYear.length).toBeGreaterThan(0);
      expect(new Set(results.map((invoice) => invoice.status))).toEqual(new Set(INVOICE_STATUSES));
      expect(results.filter((invoice) => invoice.status === 'NOT_PAID' || invoice.status === 'PAYMENT_DUE')).toHaveLength(3);
    });
  }
});

describe('Initech, the large organization', () => {
  it('holds 10,000 invoices over five years, in every status and three currencies, for Acme’s finance users only', async () => {
    const now = new Date(2025, 5, 15, 12);
    const { db, invoices } = sandbox({ now, largeOrgInvoices: 10_000 });
    const { status, results } = await invoices(ORG_IDS.initech, 'sbx_billing_acme');
    expect(status).toBe(200);
    expect(results).toHaveLength(10_000);
    expect(new Set(results.map((invoice) => invoice.status))).toEqual(new Set(INVOICE_STATUSES));
    expect(new Set(results.map((invoice) => invoice.currency_code))).toEqual(new Set(['USD', 'EUR', 'GBP']));
    const times = results.map((invoice) => Date.parse(invoice.created_at));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 5 * 366 * 24 * 3600 * 1000);
    expect((await invoices(ORG_IDS.initech, 'sbx_admin_acme')).results).toHaveLength(10_000);
    expect((await invoices(ORG_IDS.initech, 'sbx_viewer_acme')).status).toBe(404);

    // A reset without options (POST /sandbox/reset) rebuilds the same large organization.
    resetDemoData(db, { now });
    expect((await invoices(ORG_IDS.initech, 'sbx_billing_acme')).results).toHaveLength(10_000);
  });

  it('does not exist without the option', async () => {
    const { invoices } = sandbox({ now: new Date(2025, 5, 15, 12) });
    expect((await invoices(ORG_IDS.initech, 'sbx_billing_acme')).status).toBe(404);
  });
});
