import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** How long a write waits for another process's transaction (npm run sandbox:reset, a second server) before failing. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Makes `db.transaction(fn)(...)` begin IMMEDIATE instead of better-sqlite3's DEFERRED. A deferred
 * transaction that reads and then writes cannot wait for another process's write lock: if that
 * process committed since the read, SQLite answers SQLITE_BUSY at once, whatever the busy timeout
 * (the read would be stale), and the request failed with "database is locked". Taking the write
 * lock first makes it wait its turn instead. Done here, once, so that no transaction in the sandbox
 * can forget it; `.deferred` stays available for read-only ones.
 */
function immediateByDefault(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = (fn) => {
    const variants = transaction(fn);
    type Params = Parameters<typeof variants.immediate>;
    // Functions of our own: better-sqlite3's are frozen.
    const immediate = (...params: Params) => variants.immediate(...params);
    return Object.assign(immediate, {
      default: immediate,
      deferred: (...params: Params) => variants.deferred(...params),
      immediate,
      exclusive: (...params: Params) => variants.exclusive(...params),
    });
  };
}

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // First, so that switching to WAL waits too when another process holds the file.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  immediateByDefault(db);
  return db;
}

/** Applies the plain-SQL files of migrations/ in name order, each once and in its own transaction. */
export function migrate(db: Db): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    db
      .prepare<[], { version: string }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const pending = readdirSync(migrationsDir)
    .filter((name) => name.endsWith('.sql') && !applied.has(name))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  const isApplied = db.prepare<[string], { found: number }>('SELECT 1 AS found FROM schema_migrations WHERE version = ?');
  const done: string[] = [];
  for (const name of pending) {
    const sql = readFileSync(join(migrationsDir, name), 'utf8');
    db.transaction(() => {
      // Another process starting on the same file may have applied it while this one waited for the lock.
      if (isApplied.get(name)) return;
      db.exec(sql);
      record.run(name, new Date().toISOString());
      done.push(name);
    })();
  }
  return done;
}
