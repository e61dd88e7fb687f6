import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app';
import { migrate, openDatabase, type Db } from '../db/database';
import { seedDemoData } from '../db/seed';
import { readEnv } from '../env';
import { createLogger } from '../http/logger';

export const TOKENS = {
  adminAcme: 'sbx_admin_acme',
  billingAcme: 'sbx_billing_acme',
  viewerAcme: 'sbx_viewer_acme',
  adminGlobex: 'sbx_admin_globex',
} as const;

export interface TestApp {
  db: Db;
  app: ReturnType<typeof createApp>['app'];
  /** Every line the server logged, to check that no card data reaches the log. */
  logs: string[];
  clock: { now: Date };
  close: () => void;
}

/** The real server app over a freshly seeded temporary SQLite file, with a clock the test can move. */
export function createTestApp(start = new Date('2026-03-15T10:00:00.000Z')): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'billing-cloud-plans-'));
  const db = openDatabase(join(dir, 'test.db'));
  migrate(db);
  seedDemoData(db, { now: start });
  const clock = { now: start };
  const logs: string[] = [];
  const { app } = createApp({ env: readEnv({}), logger: createLogger('debug', (line) => logs.push(line)), db, now: () => clock.now });
  return {
    db,
    app,
    logs,
    clock,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CallOptions {
  token?: string | null;
  method?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Calls the app as a client would; `body` is sent as JSON, `rawBody` as is. */
export async function call(app: TestApp['app'], path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? TOKENS.adminAcme : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await app.request(path, { method: options.method ?? 'GET', headers, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}
