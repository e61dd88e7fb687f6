import type { Context, Handler, Hono } from 'hono';
import { ApiError } from '#api/api-error';
import { CLOUD_PLANS_BASE } from '#api/cloud-plans';
import { errorJson } from '../http/errors';
import type { Logger } from '../http/logger';
import { answerToResponse, callUpstream, type Upstream } from '../http/upstream';
import type { AppEnv } from '../sandbox/context';

/**
 * An allow-list rather than a deny-list: hop-by-hop headers, cookies, Host and whatever a browser
 * adds never reach the upstream. Authorization is the caller's own: each user acts as themselves.
 */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'accept-language', 'idempotency-key'] as const;

/**
 * Never Set-Cookie (the upstream's cookies are not ours to set), Location (the browser would follow
 * it off our origin; redirects become 502s), nor hop-by-hop or encoding headers.
 */
const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'cache-control',
  'content-disposition',
  'etag',
  'last-modified',
  'retry-after',
  'www-authenticate',
  'idempotent-replayed',
] as const;

/** Answers above this stream through instead of being held whole; contract answers are far smaller. */
const STREAM_ABOVE_BYTES = 256 * 1024;

export interface RealBackendOptions {
  qovery: Upstream;
  /** Null when CLOUDPLANS_API_URL is unset: Cloud Plans calls then answer 501. */
  cloudPlans: Upstream | null;
  logger: Logger;
}

function forwardTo(upstream: Upstream, logger: Logger) {
  return async (c: Context<AppEnv>) => {
    const url = new URL(c.req.url);
    // The raw path (still percent-encoded) below /api, so that the upstream sees what the caller sent.
    const path = `${url.pathname.slice('/api'.length)}${url.search}`;
    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers.set(name, value);
    }
    const method = c.req.method;
    let body: ArrayBuffer | undefined;
    if (method === 'GET' || method === 'HEAD') {
      // Node's server drops a GET body (Cloud Plans' describe documents one) and fetch could not send
      // it anyway: say so rather than forward the request without it.
      if (Number(c.req.header('Content-Length') ?? 0) > 0 || c.req.header('Transfer-Encoding') !== undefined) {
        throw new ApiError(400, `A ${method} request cannot carry a body through this server: send its fields (e.g. org_id) as query parameters`);
      }
    } else {
      const sent = await c.req.arrayBuffer();
      if (sent.byteLength > 0) body = sent;
    }
    // The upstream's logs can then be matched with ours, and with what the user quotes.
    headers.set('X-Request-Id', c.get('requestId'));
    const request = { method, path };
    const answer = await callUpstream(upstream, { ...request, headers, body, signal: c.req.raw.signal, streamAbove: STREAM_ABOVE_BYTES, requestId: c.get('requestId') }, logger);
    return answerToResponse(upstream, request, answer, PASSED_RESPONSE_HEADERS, c.get('requestId'));
  };
}

/** Said by every Cloud Plans route when a real backend has no Cloud Plans API to forward to. */
export const CLOUD_PLANS_NOT_CONFIGURED = 'Cloud Plans is not configured on this server: set CLOUDPLANS_API_URL to the Cloud Plans API to manage subscriptions here.';

/**
 * Real-backend mode (BILLING_BACKEND=qovery): /api/... goes to the Qovery API and the Cloud Plans
 * contract to CLOUDPLANS_API_URL, with the caller's own credentials. Nothing of the sandbox exists,
 * so /sandbox/... answers 404. /api/health stays local: it is registered before this.
 */
export function mountRealBackend(app: Hono<AppEnv>, { qovery, cloudPlans, logger }: RealBackendOptions): void {
  const cloudPlansHandler: Handler<AppEnv> = cloudPlans ? forwardTo(cloudPlans, logger) : (c) => errorJson(c, 501, CLOUD_PLANS_NOT_CONFIGURED);
  app.all(CLOUD_PLANS_BASE, cloudPlansHandler);
  app.all(`${CLOUD_PLANS_BASE}/*`, cloudPlansHandler);
  app.all('/api/*', forwardTo(qovery, logger));
  app.all('/sandbox/*', (c) => errorJson(c, 404, 'The sandbox is off: this server forwards to the Qovery API (BILLING_BACKEND=qovery)'));
}
