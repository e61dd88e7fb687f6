import { serve } from '@hono/node-server';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../app';
import { migrate, openDatabase } from '../db/database';
import { seedDemoData, type SeedOptions } from '../db/seed';
import { readEnv } from '../env';
import { createLogger } from '../http/logger';

export interface BuiltConsole {
  base: string;
  distDir: string;
  close(): void;
}

/**
 * For the measuring scripts (size, bench:invoices): serves the built console and a freshly seeded
 * sandbox on a free loopback port, over a temporary database; `extra` may answer some paths itself
 * (the bench's bare page). Exits with a message when the console
 * has not been built.
 */
export async function serveBuiltConsole(seed: SeedOptions = {}, extra?: (request: Request) => Response | undefined): Promise<BuiltConsole> {
  const distDir = resolve('dist/console');
  if (!existsSync(join(distDir, 'index.html'))) {
    process.stderr.write('dist/console/ is missing: run npm run build first\n');
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'billing-console-'));
  const db = openDatabase(join(dir, 'sandbox.db'));
  migrate(db);
  seedDemoData(db, seed);
  const { app } = createApp({ env: readEnv({}), logger: createLogger('warn'), db, distDir });
  const server = serve({ fetch: (request, env) => extra?.(request) ?? app.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  await new Promise((done) => server.once('listening', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? (address satisfies AddressInfo).port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    distDir,
    close() {
      server.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium when present (CHROMIUM_PATH overrides); otherwise Playwright's own browser. */
export function chromiumExecutable(): string | undefined {
  return process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/** The session the console keeps in sessionStorage, built from the sandbox's answer for a demo token. */
export async function demoSession(base: string, token: string): Promise<string> {
  const response = await fetch(`${base}/sandbox/session`, { headers: { Authorization: `Token ${token}` } });
  const session: unknown = await response.json();
  if (typeof session !== 'object' || session === null || !('user' in session) || !('memberships' in session)) {
    throw new Error('unexpected /sandbox/session answer');
  }
  return JSON.stringify({ scheme: 'Token', token, sandbox: true, user: session.user, memberships: session.memberships });
}
