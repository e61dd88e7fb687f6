import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { errorJson } from '../http/errors';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127(?:\.\d{1,3}){3}$/.test(v4);
}

/** "localhost:4173", "127.0.0.1", "[::1]:4173": a name that only ever means this machine. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : (host.split(':')[0] ?? '');
  return name.toLowerCase() === 'localhost' || isLoopbackAddress(name);
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    return isLoopbackHost(new URL(origin).host);
  } catch {
    return false;
  }
}

/** The peer's address from Node's socket; undefined outside @hono/node-server (then not loopback). */
function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export interface GatewayAccessOptions {
  gatewayToken: string | null;
}

/**
 * Who may use the gateway, which acts with the server's own key. With GATEWAY_TOKEN, callers send it
 * as a bearer token (compared in constant time). Without it, only this machine may call: the peer
 * must be on loopback, the Host a loopback name (a DNS-rebound page addresses us by its own name),
 * and a browser's Origin, if any, a loopback page (another site's form could otherwise post to us).
 */
export function gatewayAccess({ gatewayToken }: GatewayAccessOptions): MiddlewareHandler {
  const expected = gatewayToken === null ? null : digest(gatewayToken);
  return async (c, next) => {
    if (expected !== null) {
      const presented = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
      if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
        c.header('WWW-Authenticate', 'Bearer realm="billing-gateway"');
        return errorJson(c, 401, 'Missing or wrong gateway token: send "Authorization: Bearer <GATEWAY_TOKEN>"');
      }
      await next();
      return;
    }
    if (!isLoopbackAddress(remoteAddress(c))) {
      return errorJson(c, 403, 'Without GATEWAY_TOKEN the billing gateway only answers callers on this machine: set GATEWAY_TOKEN on the server and send it as a bearer token');
    }
    // Node's adapter builds the request URL from the Host header, so this is the name the caller used.
    if (!isLoopbackHost(new URL(c.req.url).host)) {
      return errorJson(c, 403, 'Without GATEWAY_TOKEN the billing gateway only answers requests addressed to localhost, 127.0.0.1 or [::1]');
    }
    const origin = c.req.header('Origin');
    if (origin !== undefined && !isLoopbackOrigin(origin)) {
      return errorJson(c, 403, 'Without GATEWAY_TOKEN the billing gateway does not answer web pages from other sites');
    }
    await next();
  };
}
