import { ApiError, type ErrorBody } from '../../src/api/api-error';
import type { Logger } from './logger';

/** An HTTP API this server calls: the Qovery API, Cloud Plans, or the in-process sandbox. */
export interface Upstream {
  /** Named in error messages, e.g. "the Qovery API". */
  name: string;
  /** Absolute base URL without a trailing slash; request paths are appended to it. */
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
}

export interface UpstreamRequest {
  method: string;
  /** Path below the base URL, starting with "/", with its query string if any. */
  path: string;
  headers: Headers;
  body?: ArrayBuffer | string;
  /** The caller's own request signal: when they go away, the upstream call stops too. */
  signal?: AbortSignal;
}

export interface UpstreamAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array<ArrayBuffer>;
}

/** Contract answers are small JSON documents; a larger answer is a broken or hostile upstream. */
export const MAX_UPSTREAM_BODY_BYTES = 8 * 1024 * 1024;

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 20_000;

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  UND_ERR_SOCKET: 'the connection was closed before an answer',
  ENOTFOUND: 'its host name does not resolve (DNS)',
  EAI_AGAIN: 'its host name could not be resolved (DNS)',
  EHOSTUNREACH: 'its host is unreachable',
  ENETUNREACH: 'its network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate does not match its host name',
};

/**
 * Why fetch failed: the system error code Node puts under its generic "fetch failed" (ECONNREFUSED…),
 * else the innermost cause's message ("bad port" for ports fetch refuses to call).
 */
function networkFailure(error: unknown): { code: string | null; detail: string } {
  let detail = error instanceof Error ? error.message : 'unknown error';
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    if ('code' in current && typeof current.code === 'string') return { code: current.code, detail: current.code };
    detail = current.message;
  }
  return { code: null, detail };
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function readLimited(response: Response, upstream: Upstream): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_UPSTREAM_BODY_BYTES) {
      await reader.cancel();
      throw new ApiError(502, `${capitalize(upstream.name)} sent an answer larger than ${MAX_UPSTREAM_BODY_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Calls an upstream and reads its whole answer within `timeoutMs`. Whatever the upstream answers
 * (2xx to 5xx) is returned as is; only failures to get an answer throw: 504 when it is too slow,
 * 502 when it cannot be reached, each naming the upstream and the reason. Logs carry the method,
 * the path without its query string and the reason, never headers or bodies.
 */
export async function callUpstream(upstream: Upstream, request: UpstreamRequest, logger: Logger): Promise<UpstreamAnswer> {
  if (request.path !== '' && !request.path.startsWith('/') && !request.path.startsWith('?')) {
    throw new ApiError(400, 'The request path is not valid');
  }
  const base = new URL(upstream.baseUrl);
  const url = new URL(upstream.baseUrl + request.path);
  const basePath = base.pathname.replace(/\/$/, '');
  // Dot segments ("/api/../x") are resolved by URL: a path must not climb out of the upstream's base.
  if (url.origin !== base.origin || (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`))) {
    throw new ApiError(400, 'The request path is not valid');
  }
  const what = `${request.method} ${url.pathname}`;
  // One controller held by the timer itself, rather than AbortSignal.timeout() combined with
  // AbortSignal.any(): a combined signal that nothing else references can be collected under memory
  // pressure, and the call then hung past its timeout. The race makes the deadline hold even if the
  // fetch or the body stream ignored the abort.
  const controller = new AbortController();
  let timedOut = false;
  let stop: (reason: unknown) => void = () => undefined;
  const deadline = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    const reason = new DOMException(`${what} timed out`, 'TimeoutError');
    controller.abort(reason);
    stop(reason);
  }, upstream.timeoutMs);
  const callerGone = () => {
    controller.abort(request.signal?.reason);
    stop(request.signal?.reason);
  };
  request.signal?.addEventListener('abort', callerGone, { once: true });
  const started = performance.now();
  try {
    const call = async () => {
      const response = await upstream.fetch(
        new Request(url, { method: request.method, headers: request.headers, body: request.body, signal: controller.signal, redirect: 'manual' }),
      );
      return { response, body: await readLimited(response, upstream) };
    };
    const { response, body } = await Promise.race([call(), deadline]);
    logger.debug(`upstream ${what} ${response.status} ${(performance.now() - started).toFixed(1)}ms`);
    return { status: response.status, statusText: response.statusText, headers: response.headers, body };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (timedOut) {
      logger.warn(`upstream ${what} timed out after ${upstream.timeoutMs}ms`);
      throw new ApiError(504, `${capitalize(upstream.name)} did not answer within ${upstream.timeoutMs / 1000} s (${what})`);
    }
    if (request.signal?.aborted) throw new ApiError(502, 'The request was cancelled before the upstream answered');
    const { code, detail } = networkFailure(error);
    const reason = (code && NETWORK_REASONS[code]) ?? `network error (${detail})`;
    logger.warn(`upstream ${what} failed: ${detail}`);
    throw new ApiError(502, `Could not reach ${upstream.name} at ${base.origin}: ${reason}`);
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', callerGone);
  }
}

export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const type = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

/** Parses a JSON answer; undefined when it is empty or not JSON. */
export function answerJson(answer: UpstreamAnswer): unknown {
  if (answer.body.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(answer.body));
  } catch {
    return undefined;
  }
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The answer as our own response: status and JSON body as the upstream sent them, with only the
 * response headers named in `passHeaders` (never Set-Cookie, never hop-by-hop headers). An error
 * whose body is not JSON (a proxy's HTML page, an empty 503) gets our error body instead, keeping
 * its status, so that callers always read `{status, message}`.
 */
export function answerToResponse(
  upstream: Upstream,
  request: Pick<UpstreamRequest, 'method' | 'path'>,
  answer: UpstreamAnswer,
  passHeaders: readonly string[],
): Response {
  const headers = new Headers();
  for (const name of passHeaders) {
    const value = answer.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (NULL_BODY_STATUSES.has(answer.status)) return new Response(null, { status: answer.status, headers });
  const json = isJsonContentType(answer.headers.get('content-type')) && answerJson(answer) !== undefined;
  if (answer.status >= 400 && !json) {
    const pathname = request.path.split('?')[0] ?? request.path;
    const reason = answer.statusText ? ` ${answer.statusText}` : '';
    const body: ErrorBody = {
      status: answer.status,
      message: `${capitalize(upstream.name)} answered ${answer.status}${reason} to ${request.method} ${pathname}`,
    };
    headers.set('Content-Type', 'application/json');
    return new Response(JSON.stringify(body), { status: answer.status, headers });
  }
  return new Response(answer.body.byteLength === 0 ? null : answer.body, { status: answer.status, headers });
}

/** An upstream reached over the network with Node's fetch. */
export function httpUpstream(name: string, baseUrl: string, timeoutMs: number): Upstream {
  return { name, baseUrl, timeoutMs, fetch: (request) => fetch(request) };
}
