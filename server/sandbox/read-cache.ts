import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/database';

/** How stale a change made by another process (npm run sandbox:reset while serving) may be seen. */
export const EXTERNAL_CHECK_INTERVAL_MS = 100;

/**
 * Rows the sandbox reads on almost every request (token → user, membership → organization, billing
 * info, invoice lists), kept in memory so that a request costs map lookups instead of SQLite
 * statements, each of which takes and releases WAL locks. Only rows are kept, never answers that
 * depend on the clock (trial days, expiry, billing status). The cache empties around every request
 * that may write (anything but GET and HEAD: see `dropOnWrites`) and when another connection has
 * committed, which PRAGMA data_version reveals.
 */
export class ReadCache {
  private readonly areas: Array<Map<string, unknown>> = [];
  private readonly dataVersion;
  private lastVersion: number | null = null;
  private lastCheck = 0;

  constructor(db: Db) {
    this.dataVersion = db.prepare<[], { data_version: number }>('PRAGMA data_version');
  }

  /** A map of its own, emptied with the others. */
  area<Value>(): Map<string, Value> {
    const map = new Map<string, Value>();
    this.areas.push(map);
    return map;
  }

  /** Entries over all areas, so that tests can check that what callers send does not grow it. */
  get size(): number {
    return this.areas.reduce((total, map) => total + map.size, 0);
  }

  clear(): void {
    for (const map of this.areas) map.clear();
  }

  /** Drops everything when another process has committed since the last look (at most every 100 ms). */
  checkExternalWrites(now: number = Date.now()): void {
    if (now - this.lastCheck < EXTERNAL_CHECK_INTERVAL_MS) return;
    this.lastCheck = now;
    const version = this.dataVersion.get()?.data_version ?? null;
    if (version !== this.lastVersion) {
      this.lastVersion = version;
      this.clear();
    }
  }

  /**
   * Empties the cache before and after any request that may write, so that neither the request
   * itself nor the next one reads a row it changed.
   */
  dropOnWrites(): MiddlewareHandler {
    // Reads pass straight through: no async frame of its own on the hot path.
    const aroundWrite: MiddlewareHandler = async (_c, next) => {
      this.clear();
      try {
        await next();
      } finally {
        this.clear();
      }
    };
    return (c, next) => {
      this.checkExternalWrites();
      return c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : aroundWrite(c, next);
    };
  }
}

/** Looks a key up, computing and keeping the value on a miss (`undefined` results are not kept). */
export function remember<Value>(area: Map<string, Value>, key: string, compute: () => Value): Value {
  const known = area.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (value !== undefined) area.set(key, value);
  return value;
}
