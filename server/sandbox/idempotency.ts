import type { Context, MiddlewareHandler } from 'hono';
import { createHmac } from 'node:crypto';
import { ApiError } from '#api/api-error';
import { IDEMPOTENCY_KEY_PATTERN } from '#api/idempotency';
import { RetryLater } from '../http/errors';
import type { AppEnv, SandboxContext } from './context';

/** How long a key's first answer is kept and replayed (Stripe's figure). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A first request still unanswered after this long died with its process (requests time out after
 * 30 s): a retry runs it again instead of waiting for an answer that will never be recorded.
 */
const ABANDONED_AFTER_MS = 60_000;

/** Headers of the first answer that a replay repeats: what describes the body, and where a page redirects. */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'location', 'content-security-policy', 'x-frame-options', 'cache-control'];

interface StoredRequest {
  fingerprint: string;
  created_at: string;
  request_id: string;
  status: number | null;
  headers: string | null;
  body: Buffer | null;
}

type Claim = { kind: 'new' } | { kind: 'replay'; stored: StoredRequest & { status: number } } | { kind: 'mismatch' } | { kind: 'in-flight' };

function isStringPairs(value: unknown): value is Array<[string, string]> {
  return Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string');
}

function storedHeaders(json: string | null): Array<[string, string]> {
  const parsed: unknown = json === null ? [] : JSON.parse(json);
  return isStringPairs(parsed) ? parsed : [];
}

/**
 * Idempotency-Key on POST, like Stripe's: the first answer to a key is recorded, and a retry of the
 * same request (same method, path, query and body) within 24 hours gets it again, with
 * `Idempotent-Replayed: true`, without running anything. The same key on another request is a 422;
 * a retry while the first is still running is a 409. Answers that say "try later" (429, 5xx) are not
 * recorded, so that a retry runs. `scopeOf` names whose keys these are.
 */
export function idempotency(ctx: SandboxContext, secret: string, scopeOf: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  const { db } = ctx;
  const find = db.prepare<[string, string], StoredRequest>(
    'SELECT fingerprint, created_at, request_id, status, headers, body FROM idempotent_requests WHERE scope = ? AND key = ?',
  );
  const purge = db.prepare('DELETE FROM idempotent_requests WHERE created_at <= ?');
  const begin = db.prepare(`INSERT INTO idempotent_requests (scope, key, fingerprint, created_at, request_id) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at,
    request_id = excluded.request_id, status = NULL, headers = NULL, body = NULL`);
  const record = db.prepare('UPDATE idempotent_requests SET status = ?, headers = ?, body = ? WHERE scope = ? AND key = ? AND request_id = ?');
  const release = db.prepare('DELETE FROM idempotent_requests WHERE scope = ? AND key = ? AND request_id = ?');

  /** Looks the key up and, when it is new (or expired, or abandoned), takes it: one transaction, so that two racing requests cannot both run. */
  const claim = db.transaction((scope: string, key: string, fingerprint: string, now: Date, requestId: string): Claim => {
    purge.run(new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString());
    const stored = find.get(scope, key);
    const abandoned = stored !== undefined && stored.status === null && Date.parse(stored.created_at) <= now.getTime() - ABANDONED_AFTER_MS;
    if (stored && !abandoned) {
      if (stored.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (stored.status === null) return { kind: 'in-flight' };
      return { kind: 'replay', stored: { ...stored, status: stored.status } };
    }
    begin.run(scope, key, fingerprint, now.toISOString(), requestId);
    return { kind: 'new' };
  });

  return async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (key === undefined) return next();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new ApiError(400, 'Idempotency-Key must be 8 to 100 letters, digits, dashes or underscores');
    }
    const scope = scopeOf(c);
    const url = new URL(c.req.url);
    const body = new Uint8Array(await c.req.arrayBuffer());
    const fingerprint = createHmac('sha256', secret).update(`${c.req.method} ${url.pathname}${url.search}\n`).update(body).digest('base64url');
    const requestId = c.get('requestId');
    const outcome = claim(scope, key, fingerprint, ctx.now(), requestId);
    if (outcome.kind === 'mismatch') {
      throw new ApiError(422, 'This Idempotency-Key was already used with a different request: send a new key for a new request, or the same request to get its answer again');
    }
    if (outcome.kind === 'in-flight') {
      throw new RetryLater(409, 'A request with this Idempotency-Key is still being answered: retry in a moment', 1);
    }
    if (outcome.kind === 'replay') {
      const { stored } = outcome;
      const headers = new Headers(storedHeaders(stored.headers));
      headers.set('Idempotent-Replayed', 'true');
      headers.set('Original-Request', stored.request_id);
      return new Response(stored.body === null ? null : new Uint8Array(stored.body), { status: stored.status, headers });
    }

    await next();
    const { status } = c.res;
    if (status === 429 || status >= 500) {
      release.run(scope, key, requestId);
      return;
    }
    const kept = KEPT_HEADERS.flatMap((name) => {
      const value = c.res.headers.get(name);
      return value === null ? [] : [[name, value]];
    });
    const answer = new Uint8Array(await c.res.clone().arrayBuffer());
    record.run(status, JSON.stringify(kept), answer.byteLength === 0 ? null : Buffer.from(answer), scope, key, requestId);
  };
}
