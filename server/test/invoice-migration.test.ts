import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../db/database';
import { invoiceStore } from '../sandbox/invoice-store';

const migrations = join(dirname(fileURLToPath(import.meta.url)), '../db/migrations');
const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database as an older server left it: the migrations before `upTo`, applied and recorded. */
function databaseBefore(upTo: string): Db {
  const dir = mkdtempSync(join(tmpdir(), 'billing-migration-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'old.db'));
  dbs.push(db);
  db.exec('CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const name of readdirSync(migrations)
    .filter((file) => file.endsWith('.sql') && file < upTo)
    .sort()) {
    db.exec(readFileSync(join(migrations, name), 'utf8'));
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(name, '2026-01-01T00:00:00.000Z');
  }
  return db;
}

describe('the billed-to snapshot migration', () => {
  it('gives invoices issued before it the billing details on file, and drops the competing invoice number', () => {
    const db = databaseBefore('004');
    const at = '2026-01-01T06:00:00.000Z';
    db.prepare("INSERT INTO users (id, email, name, created_at) VALUES ('u1', 'owner@example.test', 'Owner', ?)").run(at);
    db.prepare(
      `INSERT INTO organizations (id, name, plan, owner_id, created_at, updated_at, renewal_at, billing_external_id)
      VALUES ('org-1', 'Old Org', 'TEAM_2025', 'u1', ?, ?, ?, 'cus_1'), ('org-2', 'No Details Ltd', 'TEAM_2025', 'u1', ?, ?, ?, 'cus_2')`,
    ).run(at, at, at, at, at, at);
    db.prepare(
      `INSERT INTO billing_info (organization_id, first_name, last_name, email, address, city, zip, state, country_code, company, vat_number, updated_at)
      VALUES ('org-1', 'Ada', 'Lovelace', 'ap@old.test', '1 Old Street', 'London', 'EC1A 1AA', NULL, 'GB', 'Old Org Ltd', NULL, ?)`,
    ).run(at);
    const insertInvoice = db.prepare(`INSERT INTO invoices (id, organization_id, number, created_at, due_at, period_start, period_end, status,
      currency_code, subtotal_cents, tax_rate_bp, tax_cents, total_in_cents) VALUES (?, ?, 'INV-2026-0001', ?, ?, ?, ?, 'PAID', 'GBP', 100, 0, 0, 100)`);
    insertInvoice.run('inv-1', 'org-1', at, at, at, at);
    insertInvoice.run('inv-2', 'org-2', at, at, at, at);

    expect(migrate(db)).toContain('004_invoice_billed_to.sql');

    const columns = db
      .prepare<[], { name: string }>('PRAGMA table_info(invoices)')
      .all()
      .map((column) => column.name);
    expect(columns).toContain('billed_to');
    expect(columns).not.toContain('number');
    const store = invoiceStore(db);
    const withDetails = store.findById('inv-1');
    const without = store.findById('inv-2');
    if (!withDetails || !without) throw new Error('the invoices survive the migration');
    expect(store.document(withDetails)).toMatchObject({
      organizationName: 'Old Org',
      billingInfo: { first_name: 'Ada', address: '1 Old Street', company: 'Old Org Ltd', country_code: 'GB', state: null },
    });
    expect(store.document(without)).toMatchObject({ organizationName: 'No Details Ltd', billingInfo: undefined });

    // From then on, editing the details changes nothing already issued.
    db.prepare("UPDATE billing_info SET address = '2 New Street' WHERE organization_id = 'org-1'").run();
    const reread = store.findById('inv-1');
    if (!reread) throw new Error('the invoice is still there');
    expect(store.document(reread).billingInfo?.address).toBe('1 Old Street');
  });
});
