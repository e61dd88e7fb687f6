import { ApiError, type ErrorBody } from '#api/api-error';
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
  /** The id of the request this call serves, for the log lines about it. */
  requestId?: string;
  /**
   * A body larger than this is not held in memory: its first bytes are in `body` and the rest comes
   * as `rest`, to stream on. Unset: every body is read whole (the gateway reads what it relays).
   */
  streamAbove?: number;
}

export interface UpstreamAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  /** The whole body, or its first bytes when `rest` is set. */
  body: Uint8Array<ArrayBuffer>;
  /** The rest of a large body, still arriving (within the same size limit and deadline); null when `body` is all of it. */
  rest: ReadableStream<Uint8Array> | null;
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

function tooLarge(upstream: Upstream): ApiError {
  return new ApiError(502, `${capitalize(upstream.name)} sent an answer larger than ${MAX_UPSTREAM_BODY_BYTES / 1024 / 1024} MB`);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Reads the answer's body up to `streamAbove` bytes; past that, hands back what it read and the
 * rest as a stream, so that large answers flow through instead of piling up in memory (30 parallel
 * answers of 7 MB took the process to 500 MB). Either way, no more than MAX_UPSTREAM_BODY_BYTES.
 */
async function readLimited(
  response: Response,
  upstream: Upstream,
  streamAbove: number,
  onStreamEnd: () => void,
): Promise<{ body: Uint8Array<ArrayBuffer>; rest: ReadableStream<Uint8Array> | null }> {
  if (!response.body) return { body: new Uint8Array(0), rest: null };
  if (Number(response.headers.get('content-length') ?? 0) > MAX_UPSTREAM_BODY_BYTES) {
    await response.body.cancel();
    throw tooLarge(upstream);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { body: concat(chunks, size), rest: null };
    size += value.byteLength;
    if (size > MAX_UPSTREAM_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge(upstream);
    }
    chunks.push(value);
    if (size > streamAbove) break;
  }
  let streamed = size;
  const rest = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          onStreamEnd();
          controller.close();
          return;
        }
        streamed += value.byteLength;
        // The status is sent already: all that is left is to cut the answer short.
        if (streamed > MAX_UPSTREAM_BODY_BYTES) throw tooLarge(upstream);
        controller.enqueue(value);
      } catch (error) {
        onStreamEnd();
        await reader.cancel().catch(() => undefined);
        controller.error(error);
      }
    },
    async cancel(reason) {
      onStreamEnd();
      await reader.cancel(reason);
    },
  });
  return { body: concat(chunks, size), rest };
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
  // Named by the caller's own path: the upstream's URL (its host, its base path) is not theirs to see.
  const what = `${request.method} ${request.path.split('?')[0] ?? ''}`;
  const tag = request.requestId === undefined ? '' : ` [${request.requestId}]`;
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
  // A streamed answer keeps the deadline (and the caller's signal) until its last byte.
  let streaming = false;
  const release = () => {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', callerGone);
  };
  try {
    const call = async () => {
      const response = await upstream.fetch(
        new Request(url, { method: request.method, headers: request.headers, body: request.body, signal: controller.signal, redirect: 'manual' }),
      );
      return { response, ...(await readLimited(response, upstream, request.streamAbove ?? Number.POSITIVE_INFINITY, release)) };
    };
    const { response, body, rest } = await Promise.race([call(), deadline]);
    streaming = rest !== null;
    logger.debug(`upstream ${what} ${response.status} ${(performance.now() - started).toFixed(1)}ms${streaming ? ' (streaming)' : ''}${tag}`);
    return { status: response.status, statusText: response.statusText, headers: response.headers, body, rest };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (timedOut) {
      logger.warn(`upstream ${what} timed out after ${upstream.timeoutMs}ms${tag}`);
      throw new ApiError(504, `${capitalize(upstream.name)} did not answer within ${upstream.timeoutMs / 1000} s (${what})`);
    }
    if (request.signal?.aborted) throw new ApiError(502, 'The request was cancelled before the upstream answered');
    const { code, detail } = networkFailure(error);
    const reason = (code && NETWORK_REASONS[code]) ?? `network error (${detail})`;
    // The log says where (for whoever runs the server); the answer names the API only.
    logger.warn(`upstream ${what} at ${base.origin} failed: ${detail}${tag}`);
    throw new ApiError(502, `Could not reach ${upstream.name}: ${reason}`);
  } finally {
    if (!streaming) release();
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

/** The body to answer with: the whole of it, or its first bytes followed by the rest as it arrives. */
function bodyOf(answer: UpstreamAnswer): BodyInit | null {
  if (answer.rest === null) return answer.body.byteLength === 0 ? null : answer.body;
  const { body, rest } = answer;
  const reader = rest.getReader();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(body);
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** Drops what is still arriving of an answer we do not pass on. */
function discard(answer: UpstreamAnswer): void {
  answer.rest?.cancel().catch(() => undefined);
}

/**
 * The answer as our own response: status and JSON body as the upstream sent them, with only the
 * response headers named in `passHeaders` (never Set-Cookie, Location or hop-by-hop headers). Callers
 * always read JSON or nothing: an error whose body is not JSON (a proxy's HTML page, an empty 503)
 * gets our error body, keeping its status; a redirect, or a success whose body is not JSON, is a 502
 * saying what came, since the browser would follow or show it as if it were ours.
 */
export function answerToResponse(
  upstream: Upstream,
  request: Pick<UpstreamRequest, 'method' | 'path'>,
  answer: UpstreamAnswer,
  passHeaders: readonly string[],
  requestId: string | null = null,
): Response {
  const headers = new Headers();
  for (const name of passHeaders) {
    const value = answer.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const pathname = request.path.split('?')[0] ?? request.path;
  const ours = (status: number, message: string) => {
    discard(answer);
    const body: ErrorBody = requestId === null ? { status, message } : { status, message, request_id: requestId };
    headers.set('Content-Type', 'application/json');
    headers.delete('Content-Disposition');
    return new Response(JSON.stringify(body), { status, headers });
  };
  if (NULL_BODY_STATUSES.has(answer.status)) {
    discard(answer);
    return new Response(null, { status: answer.status, headers });
  }
  const name = capitalize(upstream.name);
  if (answer.status >= 300 && answer.status < 400) {
    return ours(502, `${name} answered ${answer.status} (a redirect) to ${request.method} ${pathname}, which this server does not follow`);
  }
  const type = answer.headers.get('content-type');
  const empty = answer.rest === null && answer.body.byteLength === 0;
  // A streamed body is taken at its word; a whole one must also parse.
  const json = !empty && isJsonContentType(type) && (answer.rest !== null || answerJson(answer) !== undefined);
  if (answer.status >= 400 && !json) {
    return ours(answer.status, `${name} answered ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''} to ${request.method} ${pathname}`);
  }
  if (!empty && !json) {
    const what = type === null ? 'a body without a content type' : isJsonContentType(type) ? 'malformed JSON' : type.split(';')[0];
    return ours(502, `${name} answered ${answer.status} with ${what} instead of JSON to ${request.method} ${pathname}`);
  }
  return new Response(bodyOf(answer), { status: answer.status, headers });
}

/** An upstream reached over the network with Node's fetch. */
export function httpUpstream(name: string, baseUrl: string, timeoutMs: number): Upstream {
  return { name, baseUrl, timeoutMs, fetch: (request) => fetch(request) };
}
