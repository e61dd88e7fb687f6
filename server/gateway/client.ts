import { EVENT_ORIGIN_HEADER } from '#api/event-origin';
import type { Logger } from '../http/logger';
import { callUpstream, type Upstream, type UpstreamAnswer, type UpstreamRequest } from '../http/upstream';
import { upstreamPathFor, type GatewayOperation, type PathParam } from './operations';

export interface GatewayCall {
  operation: GatewayOperation;
  params: Partial<Record<PathParam, string>>;
  /** The caller's query string, "" or starting with "?". */
  query?: string;
  body?: ArrayBuffer | string;
  contentType?: string;
  idempotencyKey?: string;
  /** Where the change comes from, for the billing activity: API for the REST adapter, SKILL for MCP tools. */
  origin: 'API' | 'SKILL';
  userAgent: string;
  /** The caller's request id, passed on so that the upstream's answer and logs carry the same. */
  requestId?: string;
  signal?: AbortSignal;
}

export interface GatewayResult {
  upstream: Upstream;
  request: Pick<UpstreamRequest, 'method' | 'path'>;
  answer: UpstreamAnswer;
}

export interface GatewayClient {
  call(call: GatewayCall): Promise<GatewayResult>;
}

/** The contract upstream: the sandbox in-process, or the Qovery API. */
export type ContractUpstream = () => Upstream;

/**
 * The seed sends the key as a bearer token; Qovery's API tokens use the "Token" scheme, so a key
 * given with its scheme ("Token qov_…") is sent as it is.
 */
export function authorizationForKey(apiKey: string): string {
  return /^(?:Bearer|Token)\s+\S+$/i.test(apiKey) ? apiKey : `Bearer ${apiKey}`;
}

/** Calls the Qovery contract with the server's key: the caller's own credentials never go upstream. */
export function createGatewayClient(contract: ContractUpstream, apiKey: string, logger: Logger): GatewayClient {
  const authorization = authorizationForKey(apiKey);
  return {
    async call({ operation, params, query = '', body, contentType, idempotencyKey, origin, userAgent, requestId, signal }) {
      const upstream = contract();
      const headers = new Headers({ Authorization: authorization, Accept: 'application/json', [EVENT_ORIGIN_HEADER]: origin, 'User-Agent': userAgent });
      const hasBody = body !== undefined && (typeof body === 'string' ? body.length > 0 : body.byteLength > 0);
      if (hasBody) headers.set('Content-Type', contentType ?? 'application/json');
      if (idempotencyKey !== undefined) headers.set('Idempotency-Key', idempotencyKey);
      if (requestId !== undefined) headers.set('X-Request-Id', requestId);
      const path = `${upstreamPathFor(operation, params)}${query}`;
      const request = { method: operation.method, path };
      const answer = await callUpstream(upstream, { ...request, headers, body: hasBody ? body : undefined, signal, requestId }, logger);
      return { upstream, request, answer };
    },
  };
}
