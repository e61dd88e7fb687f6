import { createApp } from './app';
import { migrate, openDatabase } from './db/database';
import { isSeeded, seedDemoData } from './db/seed';
import { readEnv } from './env';
import { createLogger } from './http/logger';

/**
 * The server app as `npm run dev` mounts it inside Vite: same env, database and routes, no static
 * files. Links point to Vite's own URL unless PUBLIC_URL says otherwise.
 */
export function createDevApp(devServerUrl?: string) {
  const env = readEnv(devServerUrl === undefined ? process.env : { PUBLIC_URL: devServerUrl, ...process.env });
  const logger = createLogger(env.logLevel);
  const db = env.billingBackend === 'sandbox' ? openDatabase(env.sandboxDb) : undefined;
  if (db) {
    migrate(db);
    if (!isSeeded(db)) seedDemoData(db);
  }
  return createApp({ env, logger, db }).app;
}
