import { Hono } from 'hono';
import { answerToResponse } from '../http/upstream';
import type { AppEnv } from '../sandbox/context';
import type { GatewayClient } from './client';
import { GATEWAY_OPERATIONS, restRoutePath, type PathParam } from './operations';

/** What a gateway caller may need from the upstream's headers; the rest (cookies, auth challenges) stays behind. */
const PASSED_RESPONSE_HEADERS = ['content-type', 'cache-control', 'retry-after', 'idempotent-replayed'] as const;

/** The caller's own User-Agent after the gateway's, so that the activity says both. */
function callerAgent(header: string | undefined): string {
  const value = header?.trim();
  return value ? ` (${value.slice(0, 400)})` : '';
}

/**
 * The seed's REST adapter: one route per operation at its lower-case path, calling the contract with
 * the server's key. Bodies, the query string and Idempotency-Key go through unchanged and the
 * upstream's status and JSON come back: the upstream validates, so its field errors reach the caller.
 */
export function gatewayRestRoutes(client: GatewayClient): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  for (const operation of GATEWAY_OPERATIONS) {
    routes.on(operation.method, restRoutePath(operation), async (c) => {
      const params: Partial<Record<PathParam, string>> = {};
      for (const param of operation.params) params[param] = c.req.param(param.toLowerCase());
      const url = new URL(c.req.url);
      const { upstream, request, answer } = await client.call({
        operation,
        params,
        query: url.search,
        body: operation.body ? await c.req.arrayBuffer() : undefined,
        contentType: c.req.header('Content-Type'),
        idempotencyKey: c.req.header('Idempotency-Key'),
        origin: 'API',
        userAgent: `billing-gateway REST${callerAgent(c.req.header('User-Agent'))}`,
        requestId: c.get('requestId'),
        signal: c.req.raw.signal,
      });
      return answerToResponse(upstream, request, answer, PASSED_RESPONSE_HEADERS, c.get('requestId'));
    });
  }
  return routes;
}
