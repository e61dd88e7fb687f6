import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import { createApp } from './app';
import { migrate, openDatabase, type Db } from './db/database';
import { DEMO_USERS, isSeeded, seedDemoData } from './db/seed';
import { EnvError, readEnv } from './env';
import { createLogger } from './http/logger';

function start(): void {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`Invalid environment: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(env.logLevel);

  let db: Db | undefined;
  if (env.billingBackend === 'sandbox') {
    db = openDatabase(env.sandboxDb);
    migrate(db);
    if (!isSeeded(db)) {
      seedDemoData(db);
      logger.info(`seeded the demo data into ${env.sandboxDb}`);
    }
  }

  const { app, sandbox } = createApp({ env, logger, db, distDir: resolve('dist') });
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    const url = `http://${env.host === '0.0.0.0' ? 'localhost' : env.host}:${info.port}`;
    const lines = [`Billing console on ${url} (backend: ${env.billingBackend})`];
    if (env.billingBackend === 'sandbox') {
      lines.push('Sign in with a demo token:');
      for (const user of DEMO_USERS) lines.push(`  ${user.token.padEnd(18)} ${user.email}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
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
