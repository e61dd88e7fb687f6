import { Hono } from 'hono';
import { answerJson, answerToResponse, type UpstreamAnswer } from '../http/upstream';
import type { AppEnv } from '../sandbox/context';
import type { GatewayClient } from './client';
import { GATEWAY_OPERATIONS, restRoutePath, type PathParam } from './operations';

/** What a gateway caller may need from the upstream's headers; the rest (cookies, auth challenges) stays behind. */
const PASSED_RESPONSE_HEADERS = ['content-type', 'cache-control', 'retry-after', 'idempotent-replayed', 'original-request'] as const;

/** The caller's own User-Agent after the gateway's, so that the activity says both. */
function callerAgent(header: string | undefined): string {
  const value = header?.trim();
  return value ? ` (${value.slice(0, 400)})` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An events page links to the pages around it at the contract's /events, which a gateway caller
 * cannot call with its token: the links keep their query (filters and page token) and point at the
 * adapter's own route instead.
 */
function withGatewayPageLinks(answer: UpstreamAnswer, eventsUrl: string): UpstreamAnswer {
  if (answer.status !== 200 || answer.rest !== null) return answer;
  const json = answerJson(answer);
  if (!isRecord(json) || !isRecord(json.links)) return answer;
  const links: Record<string, unknown> = {};
  for (const [name, link] of Object.entries(json.links)) {
    links[name] = typeof link === 'string' && URL.canParse(link) ? `${eventsUrl}${new URL(link).search}` : link;
  }
  return { ...answer, body: new TextEncoder().encode(JSON.stringify({ ...json, links })) };
}

/**
 * The seed's REST adapter: one route per operation at its lower-case path, calling the contract with
 * the server's key. Bodies, the query string and Idempotency-Key go through unchanged and the
 * upstream's status and JSON come back: the upstream validates, so its field errors reach the caller.
 */
export function gatewayRestRoutes(client: GatewayClient, publicUrl: string): Hono<AppEnv> {
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
      const passed = operation.tool === 'get-organization-events' ? withGatewayPageLinks(answer, `${publicUrl}${url.pathname}`) : answer;
      return answerToResponse(upstream, request, passed, PASSED_RESPONSE_HEADERS, c.get('requestId'));
    });
  }
  return routes;
}
