import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { assignRequestId, REQUEST_ID_HEADER, type RequestIdVariables } from './request-id';

/**
 * The console's content security policy: everything from our own origin, no inline script, no framing.
 * Pages with other needs (the sandbox checkout) set their own header.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Bindings @hono/node-server passes to each request; absent when the app is called in-process (tests). */
export interface NodeBindings {
  Bindings: Partial<HttpBindings>;
}

/** Paths that answer data (JSON, MCP), never a document: the contract API, the gateway and MCP. */
const API_PATH = /^\/(api|v1|mcp)(\/|$)/;

/**
 * What an API answer needs (OWASP's REST Security cheat sheet): not sniffed into a document, never
 * stored by a browser or proxy (billing data), and nothing may load or frame it. A document's
 * headers (referrer, opener, permissions) mean nothing on JSON, and were two thirds of its bytes.
 */
const API_HEADERS: Array<[string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Cache-Control', 'no-store'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
];

/** Sandbox pages and files: the outbox holds mail, the files are billing documents, the pages hold card forms. */
const SANDBOX_PATH = /^\/sandbox(\/|$)/;

/** A year, the value HSTS preload lists ask for at least. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers every answer carries: its request id (server/http/request-id.ts), and what keeps it
 * from being sniffed, stored, framed or downgraded. One middleware for both, on the hot path.
 */
export function securityHeaders(options: { csp: boolean; hsts: boolean }): MiddlewareHandler<NodeBindings & RequestIdVariables> {
  // Only when users reach us over HTTPS (PUBLIC_URL): over plain HTTP browsers ignore it anyway, and
  // sent from localhost it would pin every other local server on that name to HTTPS for a year.
  const transport: Array<[string, string]> = options.hsts ? [['Strict-Transport-Security', HSTS]] : [];
  const apiHeaders = [...API_HEADERS, ...transport];
  const fixed: Array<[string, string]> = [
    ...transport,
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  ];
  const defaults: Array<[string, string]> = options.csp ? [['Content-Security-Policy', CONSOLE_CSP]] : [];
  const documentHeaders = [...fixed, ...defaults];
  const afterResponse: MiddlewareHandler<NodeBindings & RequestIdVariables> = async (c, next) => {
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, c.get('requestId'));
    if (API_PATH.test(c.req.path)) {
      for (const [name, value] of apiHeaders) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
      return;
    }
    for (const [name, value] of fixed) c.res.headers.set(name, value);
    for (const [name, value] of defaults) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    // Whatever a sandbox route said (its stylesheet asked for an hour): nothing under /sandbox is kept.
    if (SANDBOX_PATH.test(c.req.path)) c.res.headers.set('Cache-Control', 'no-store');
  };
  return (c, next) => {
    const id = assignRequestId(c);
    // Sandbox answers are not on the hot path: they take the slower route that can override theirs.
    if (SANDBOX_PATH.test(c.req.path)) return afterResponse(c, next);
    // Under Node the headers go straight onto the ServerResponse, whose writeHead merges them with the
    // route's own (a route's own header wins), with no async frame of this middleware's own. Setting
    // them on the fetch Response instead turns every lightweight response into a full Headers
    // object, which doubled the CPU time of a request. In-process (tests), they go on the Response.
    const outgoing = c.env?.outgoing;
    if (!outgoing) return afterResponse(c, next);
    outgoing.setHeader(REQUEST_ID_HEADER, id);
    for (const [name, value] of API_PATH.test(c.req.path) ? apiHeaders : documentHeaders) outgoing.setHeader(name, value);
    return next();
  };
}
