import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app';
import { clockStartingAt, systemClock } from './clock';
import { migrate, openDatabase, type Db } from './db/database';
import { DEMO_USERS, isSeeded, seedDemoData } from './db/seed';
import { EnvError, readEnv } from './env';
import { createLogger } from './http/logger';
import { startServer } from './http/node-server';

function start(): void {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`Invalid environment:\n  ${error.message.replaceAll('\n', '\n  ')}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(env.logLevel);
  const now = env.sandboxClock === null ? systemClock : clockStartingAt(env.sandboxClock);

  let db: Db | undefined;
  if (env.billingBackend === 'sandbox') {
    db = openDatabase(env.sandboxDb);
    migrate(db);
    const database = db;
    // Checked and seeded under one write lock: two servers starting on a new file seed it once.
    const seeded = database.transaction(() => {
      if (isSeeded(database)) return false;
      seedDemoData(database, { now: now() });
      return true;
    })();
    if (seeded) logger.info(`seeded the demo data into ${env.sandboxDb}`);
  }

  // Without a build (API tests, a server started before `npm run build`) the API still runs; `npm start` builds first.
  const distDir = resolve('dist/console');
  const consoleBuilt = existsSync(join(distDir, 'index.html'));
  if (!consoleBuilt) logger.warn(`${join(distDir, 'index.html')} is missing: serving the API only (run npm run build for the console)`);
  const { app, sandbox } = createApp({ env, logger, db, now, distDir: consoleBuilt ? distDir : undefined });
  const server = startServer({
    fetch: app.fetch,
    port: env.port,
    hostname: env.host,
    onListening: (info) => {
      // The address users reach us at, which every link the server hands out also uses.
      const url = env.publicUrl;
      const lines = [`Billing console on ${url} (listening on ${env.host}:${info.port}, backend: ${env.billingBackend})`];
      if (env.billingBackend === 'sandbox') {
        lines.push('Sign in with a demo token:');
        for (const user of DEMO_USERS) lines.push(`  ${user.token.padEnd(18)} ${user.email}`);
      }
      if (env.qoveryApiKey !== null) {
        const who = env.gatewayToken === null ? 'loopback callers only; set GATEWAY_TOKEN for others' : 'callers send Bearer $GATEWAY_TOKEN';
        lines.push(`Billing gateway: ${url}/v1/organization/{organizationid}/... and ${url}/mcp (${who})`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  });

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close(() => {
      void (sandbox?.mailer.idle() ?? Promise.resolve()).finally(() => {
        db?.close();
        process.exit(0);
      });
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

start();
