import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createLogger } from '../http/logger';
import { InvoiceMailer } from '../sandbox/invoice-mailer';
import { invoiceStore } from '../sandbox/invoice-store';
import { countRows, createTestApp, ORGS, orgPath } from './helpers';
import { spawnServer, type SpawnedServer } from './spawned-server';

const outboxSchema = z.object({ results: z.array(z.object({ organization_id: z.string(), subject: z.string() })) });
const BILLING = { Authorization: 'Bearer sbx_billing_acme' };

async function acmeMails(server: SpawnedServer): Promise<number> {
  const answer = await fetch(`${server.url}/sandbox/outbox`, { headers: BILLING });
  return outboxSchema.parse(await answer.json()).results.filter((mail) => mail.organization_id === ORGS.acme).length;
}

/** Reads the file as another process would, without the server's help. */
function count(dbFile: string, sql: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return z.number().parse(db.prepare(sql).pluck().get());
  } finally {
    db.close();
  }
}

describe('download-all after a crash', () => {
  let dir: string;
  let dbFile: string;
  const servers: SpawnedServer[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'billing-jobs-'));
    dbFile = join(dir, 'sandbox.db');
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.kill('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a 202 survives kill -9 before the mail was built: after a restart the mail arrives, once', async () => {
    const env = { SANDBOX_DB: dbFile };
    const first = await spawnServer(env);
    servers.push(first);
    const accepted = await fetch(`${first.url}/api/organization/${ORGS.acme}/downloadInvoices`, { method: 'POST', headers: BILLING });
    expect(accepted.status).toBe(202);
    await first.kill('SIGKILL');
    // What the test is about: the process died with the work accepted and not done.
    expect(count(dbFile, `SELECT COUNT(*) FROM outbox WHERE organization_id = '${ORGS.acme}'`)).toBe(0);

    const second = await spawnServer(env);
    servers.push(second);
    const deadline = Date.now() + 30_000;
    while ((await acmeMails(second)) === 0 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 100));
    expect(await acmeMails(second)).toBe(1);
    await second.kill('SIGTERM');

    // Delivered means done: a third start sends nothing more.
    const third = await spawnServer(env);
    servers.push(third);
    await new Promise((wait) => setTimeout(wait, 1_500));
    expect(await acmeMails(third)).toBe(1);
    expect(count(dbFile, 'SELECT COUNT(*) FROM invoice_mail_jobs WHERE delivered_at IS NULL')).toBe(0);
  }, 120_000);
});

describe('download-all jobs', () => {
  it('built by two processes at once are delivered once', async () => {
    const app = createTestApp();
    const other = openDatabase(app.dbFile);
    try {
      // Recorded by one process; then both look for pending jobs, as each does when it starts.
      app.db.prepare("INSERT INTO invoice_mail_jobs (id, organization_id, requested_at) VALUES ('job-1', ?, ?)").run(ORGS.acme, app.clock.now().toISOString());
      const mailers = [app.db, other].map((db) => new InvoiceMailer(db, invoiceStore(db), createLogger('silent'), app.clock.now));
      expect(mailers.map((mailer) => mailer.resume())).toEqual([1, 1]);
      await Promise.all(mailers.map((mailer) => mailer.idle()));
      expect(countRows(app.db, 'outbox', 'organization_id = ?', ORGS.acme)).toBe(1);
    } finally {
      other.close();
      await app.close();
    }
  });

  it('a request while one is pending joins it: one job, one mail', async () => {
    const app = createTestApp();
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) expect((await app.call('POST', orgPath('acme', 'downloadInvoices'))).status).toBe(202);
      expect(countRows(app.db, 'invoice_mail_jobs')).toBe(1);
      await app.sandbox.mailer.idle();
      expect(countRows(app.db, 'outbox', 'organization_id = ?', ORGS.acme)).toBe(1);
      expect(countRows(app.db, 'invoice_mail_jobs', 'delivered_at IS NULL')).toBe(0);
    } finally {
      await app.close();
    }
  });
});
