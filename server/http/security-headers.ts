import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';

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

export function securityHeaders(options: { csp: boolean }): MiddlewareHandler<NodeBindings> {
  const fixed: Array<[string, string]> = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  ];
  const defaults: Array<[string, string]> = options.csp ? [['Content-Security-Policy', CONSOLE_CSP]] : [];
  return async (c, next) => {
    // Under Node the headers go straight onto the ServerResponse, whose writeHead merges them with the
    // route's own (a page's own CSP wins). Setting them on the fetch Response instead turns every
    // lightweight response into a full Headers object, which doubled the CPU time of a request.
    const outgoing = c.env?.outgoing;
    if (outgoing) {
      for (const [name, value] of [...fixed, ...defaults]) outgoing.setHeader(name, value);
      await next();
      return;
    }
    await next();
    for (const [name, value] of fixed) c.res.headers.set(name, value);
    for (const [name, value] of defaults) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
