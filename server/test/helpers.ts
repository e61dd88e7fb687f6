import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { errorBodySchema, type ErrorBody } from '#api/api-error';
import { createApp } from '../app';
import { migrate, openDatabase, type Db } from '../db/database';
import { DEMO_USERS, ORG_IDS, seedDemoData } from '../db/seed';
import { readEnv } from '../env';
import { createLogger, type LogLevel } from '../http/logger';
import type { AppEnv } from '../sandbox/context';
import type { RateLimitSettings } from '../sandbox/rate-limits';
import type { Sandbox } from '../sandbox/sandbox';

function demoToken(email: string): string {
  const user = DEMO_USERS.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No demo user ${email}: the seed changed`);
  return user.token;
}

/** The four demo users of DESIGN.md, by what they are to Acme and Globex. */
export const TOKENS = {
  /** Acme admin, Globex viewer. */
  adminAcme: demoToken('admin@acme.test'),
  /** Acme billing manager, not a member of Globex. */
  billingAcme: demoToken('finance@acme.test'),
  /** Acme viewer, not a member of Globex. */
  viewerAcme: demoToken('dev@acme.test'),
  /** Globex admin, not a member of Acme. */
  adminGlobex: demoToken('admin@globex.test'),
} as const;

export type TokenName = keyof typeof TOKENS;
export type OrgName = 'acme' | 'globex';

export const ORGS: Record<OrgName, string> = { acme: ORG_IDS.acme, globex: ORG_IDS.globex };

/** `/api/organization/{id}` plus an optional suffix, for a demo organization. */
export function orgPath(org: OrgName, suffix = ''): string {
  return `/api/organization/${ORGS[org]}${suffix === '' ? '' : `/${suffix}`}`;
}

export interface CallOptions {
  /** A demo token name (TokenName), a literal token, or null for no Authorization header. Defaults to the Acme admin. */
  token?: string | null;
  /** Both schemes the contract documents; tests exercise both. */
  scheme?: 'Bearer' | 'Token';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, for malformed bodies. */
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  bytes: Uint8Array;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

/**
 * Where API tests start when they do not choose: a leap day, half an hour before midnight UTC, so that
 * day, month and year boundaries are one `advance` away and no test depends on the day it runs.
 */
export const DEFAULT_TEST_NOW = new Date('2028-02-29T23:30:00.000Z');

/** A movable clock, fixed at `start`: it moves only when a test `advance`s or `set`s it. */
export interface TestClock {
  now: () => Date;
  advance: (ms: number) => void;
  set: (date: Date) => void;
}

function testClock(start: Date): TestClock {
  let fixed = start.getTime();
  let offset = 0;
  return {
    now: () => new Date(fixed + offset),
    advance: (ms) => {
      offset += ms;
    },
    set: (date) => {
      fixed = date.getTime();
      offset = 0;
    },
  };
}

export interface TestApp {
  /** The Hono app itself, for tests that serve it on a real socket (see `listen`). */
  app: Hono<AppEnv>;
  db: Db;
  dbFile: string;
  sandbox: Sandbox;
  clock: TestClock;
  /** Lines the server logged at warn level or above, or options.logLevel (nothing is printed). */
  logs: string[];
  /** Calls the in-process app; `path` may be absolute (a signed URL the API returned) or start with /. */
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Fixes the clock (seed data is laid out relative to it); DEFAULT_TEST_NOW when omitted. */
  now?: Date;
  /** Environment variables on top of the defaults, e.g. SANDBOX_RESET_ENDPOINT. */
  env?: Record<string, string>;
  /** The lowest level `logs` keeps; `info` adds the request log. Defaults to `warn`. */
  logLevel?: LogLevel;
  /** Rate limits other than the defaults (server/sandbox/rate-limits.ts). */
  rateLimits?: Partial<RateLimitSettings>;
}

function isTokenName(value: string): value is TokenName {
  return value in TOKENS;
}

/**
 * The real app over a temporary SQLite file (migrated and seeded like a first start), called through
 * `app.request`: the same routes, middleware and database code as the server, without a socket.
 */
export function createTestApp(options: TestAppOptions = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'billing-api-test-'));
  const dbFile = join(dir, 'sandbox.db');
  const clock = testClock(options.now ?? DEFAULT_TEST_NOW);
  const db = openDatabase(dbFile);
  migrate(db);
  seedDemoData(db, { now: clock.now() });
  const logs: string[] = [];
  const logger = createLogger(options.logLevel ?? 'warn', (line) => logs.push(line));
  const { app, sandbox } = createApp({ env: readEnv({ LOG_LEVEL: 'silent', ...options.env }), logger, db, now: clock.now, rateLimits: options.rateLimits });
  if (!sandbox) throw new Error('The test app must run the sandbox backend');

  async function call(method: string, path: string, callOptions: CallOptions = {}): Promise<CallResult> {
    const headers = new Headers(callOptions.headers);
    const token = callOptions.token === undefined ? 'adminAcme' : callOptions.token;
    if (token !== null) {
      headers.set('Authorization', `${callOptions.scheme ?? 'Bearer'} ${isTokenName(token) ? TOKENS[token] : token}`);
    }
    let body: string | Uint8Array<ArrayBuffer> | undefined = callOptions.body;
    if (callOptions.json !== undefined) {
      body = JSON.stringify(callOptions.json);
      headers.set('Content-Type', 'application/json');
    }
    const response = await app.request(path, { method, headers, body });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, bytes, json };
  }

  return {
    app,
    db,
    dbFile,
    sandbox,
    clock,
    logs,
    call,
    close: async () => {
      await sandbox.mailer.idle();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Parses an error answer with the project's error schema and checks its status field. */
export function errorBody(result: CallResult, status: number): ErrorBody {
  if (result.status !== status) {
    throw new Error(`Expected status ${status}, got ${result.status}: ${result.text.slice(0, 300)}`);
  }
  const body = errorBodySchema.parse(result.json);
  if (body.status !== status) throw new Error(`The error body says status ${body.status}, the response ${status}`);
  return body;
}

/** The message of the field error for `field`, or undefined. */
export function fieldError(body: ErrorBody, field: string): string | undefined {
  return body.errors?.find((error) => error.field === field)?.message;
}

/** Parses a success answer with a shared zod schema after checking its status. */
export function parsed<Schema extends z.ZodMiniType>(result: CallResult, status: number, schema: Schema): z.output<Schema> {
  if (result.status !== status) {
    throw new Error(`Expected status ${status}, got ${result.status}: ${result.text.slice(0, 300)}`);
  }
  return schema.parse(result.json);
}

/** Row count of a table, for "nothing was added" assertions. */
export function countRows(db: Db, table: string, where = '1 = 1', ...params: unknown[]): number {
  return z.number().parse(
    db
      .prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`)
      .pluck()
      .get(...params),
  );
}

/** The strings of a one-column query. */
export function queryStrings(db: Db, sql: string, ...params: unknown[]): string[] {
  return z.array(z.string()).parse(
    db
      .prepare(sql)
      .pluck()
      .all(...params),
  );
}

/** A valid billing info body for the United States. */
export const US_BILLING_INFO = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  address: '1 Market Street',
  city: 'San Francisco',
  zip: '94103',
  state: 'CA',
  country_code: 'US',
  company: 'Analytical Engines Inc',
} as const;

/** A card that passes every check, expiring two years after `now`. */
export function validCard(now: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { number: '4242424242424242', cvv: '123', expiry_month: 12, expiry_year: now.getUTCFullYear() + 2, ...overrides };
}

export interface Listening {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Serves an app on a free loopback port through @hono/node-server, as main.ts does. */
export function listen(app: Hono<AppEnv>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      const { port } = z.object({ port: z.number() }).parse(server.address() satisfies AddressInfo | string | null);
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * An error body without its `request_id` (a fresh id per request), for comparing the rest exactly.
 * The id itself is tested in http-hardening.test.ts.
 */
export function withoutRequestId(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('request_id' in body)) return body;
  const { request_id: _id, ...rest } = body;
  return rest;
}
