import type * as McpModule from '@modelcontextprotocol/sdk/server/mcp.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type * as TransportModule from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { ApiError, errorBodySchema, type ErrorBody } from '#api/api-error';
import { IDEMPOTENCY_KEY_PATTERN } from '#api/idempotency';
import { utf8Text } from '../http/body';
import { answerJson, capitalize } from '../http/upstream';
import type { AppEnv } from '../sandbox/context';
import type { GatewayClient, GatewayResult } from './client';
import { GATEWAY_OPERATIONS, ID_PATTERN, type GatewayOperation, type PathParam } from './operations';

const PARAM_DESCRIPTIONS: Record<PathParam, string> = {
  organizationId: 'The organization id (a UUID)',
  clusterId: 'The cluster id (a UUID), as listed for the organization',
  invoiceId: 'The invoice id, as returned by list-organization-invoices',
  creditCardId: 'The credit card id, as returned by list-organization-credit-cards',
};

const INSTRUCTIONS = [
  'Billing tools of the Qovery Billing API. Every tool acts with the key configured on the server,',
  "so what it may read or change depends on that key's role in the organization. Amounts come with",
  'an integer *_in_cents field and a currency_code. Errors come back as JSON {status, message, errors?}.',
].join(' ');

function text(value: unknown): CallToolResult['content'] {
  return [{ type: 'text', text: JSON.stringify(value, null, 2) }];
}

function inputShape(operation: GatewayOperation): Record<string, z.ZodMiniType> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const param of operation.params) {
    shape[param] = z.string().check(z.regex(ID_PATTERN, `${param} must be an id`), z.describe(PARAM_DESCRIPTIONS[param]));
  }
  // A pipe's JSON Schema is its input side: clients see `input`, the server still applies `body`.
  if (operation.body) shape.body = operation.input ? z.pipe(operation.input, operation.body) : operation.body;
  if (operation.query) shape.query = z.optional(operation.query);
  // Every POST creates or charges: a retry with the same key gets the first answer instead of doing it twice.
  if (operation.method === 'POST') {
    shape.idempotencyKey = z.optional(
      z
        .string()
        .check(
          z.regex(IDEMPOTENCY_KEY_PATTERN, 'idempotencyKey must be 8 to 100 letters, digits, dashes or underscores'),
          z.describe(
            '8 to 100 letters, digits, "-" or "_" (a UUID fits), new for each action: a retry with the same key and arguments gets the first answer and does nothing twice',
          ),
        ),
    );
  }
  return shape;
}

/** The tool's `query` argument as a query string: "" or starting with "?". */
function queryString(query: unknown): string {
  if (typeof query !== 'object' || query === null) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string' || typeof value === 'number') params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function errorResult(status: number, message: string, errors?: readonly { field: string; message: string }[], requestId?: string): CallToolResult {
  const body: ErrorBody = errors && errors.length > 0 ? { status, message, errors: [...errors] } : { status, message };
  if (requestId !== undefined) body.request_id = requestId;
  return { isError: true, content: text(body) };
}

/**
 * The upstream's JSON as text; its error answers as isError results carrying its status and message.
 * A success that is not JSON comes back as the text it is (or, when it is not text either, a note of
 * what it was), never as a made-up "Done" that hides the body.
 */
function toolResult(operation: GatewayOperation, { upstream, answer }: GatewayResult): CallToolResult {
  const json = answerJson(answer);
  if (answer.status >= 400) {
    const parsed = errorBodySchema.safeParse(json);
    if (parsed.success) return errorResult(answer.status, parsed.data.message, parsed.data.errors, parsed.data.request_id);
    const message = `${capitalize(upstream.name)} answered ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
    return { isError: true, content: text(json === undefined ? { status: answer.status, message } : { status: answer.status, message, body: json }) };
  }
  if (json !== undefined) return { content: text(json) };
  if (answer.body.byteLength === 0) {
    return { content: text({ status: answer.status, message: operation.emptyAnswer ?? `Done: ${upstream.name} answered ${answer.status} with an empty body` }) };
  }
  // Null when it is not UTF-8 (an image, a PDF, a ZIP).
  const body = utf8Text(answer.body);
  if (body !== null) return { content: [{ type: 'text', text: body }] };
  const type = answer.headers.get('content-type')?.split(';')[0]?.trim() || 'an unnamed type';
  const message = `${capitalize(upstream.name)} answered ${answer.status} with ${answer.body.byteLength} bytes of ${type}, which is neither JSON nor text`;
  return { content: text({ status: answer.status, message }) };
}

/**
 * The MCP SDK (and the JSON Schema validator it brings) takes a large share of the server's start:
 * it is loaded with the first MCP request, once.
 */
let sdk: Promise<[typeof McpModule, typeof TransportModule]> | undefined;
function loadSdk() {
  sdk ??= Promise.all([import('@modelcontextprotocol/sdk/server/mcp.js'), import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js')]);
  return sdk;
}

/** `requestId` is the /mcp request's: its tools' upstream calls carry it, so that the logs and errors of both say the same. */
function createMcpServer(client: GatewayClient, { McpServer }: typeof McpModule, requestId: string): McpServer {
  const server = new McpServer({ name: 'billing-gateway', version: '1.0.0' }, { instructions: INSTRUCTIONS });
  for (const operation of GATEWAY_OPERATIONS) {
    server.registerTool(
      operation.tool,
      { title: operation.title, description: operation.description, inputSchema: inputShape(operation), annotations: { ...operation.hints } },
      async (args, extra) => {
        const params: Partial<Record<PathParam, string>> = {};
        for (const param of operation.params) {
          const value = args[param];
          if (typeof value === 'string') params[param] = value;
        }
        const idempotencyKey = typeof args.idempotencyKey === 'string' ? args.idempotencyKey : undefined;
        try {
          const result = await client.call({
            operation,
            params,
            // The validated body: the shared schema has trimmed and normalized it, as the console's forms do.
            body: operation.body ? JSON.stringify(args.body) : undefined,
            query: queryString(args.query),
            idempotencyKey,
            origin: 'SKILL',
            userAgent: `billing-gateway MCP tool ${operation.tool}`,
            requestId,
            signal: extra.signal,
          });
          return toolResult(operation, result);
        } catch (error) {
          if (error instanceof ApiError) return errorResult(error.status, error.message, error.errors, requestId);
          throw error;
        }
      },
    );
  }
  return server;
}

/**
 * The MCP server at /mcp, over streamable HTTP in stateless mode: every POST gets a fresh server and
 * transport (the SDK's rule for stateless servers), answered with plain JSON rather than an SSE
 * stream since no tool sends progress. There is no session to resume, so GET and DELETE answer 405.
 */
export function mcpRoutes(client: GatewayClient): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/mcp', async (c) => {
    const [mcp, { WebStandardStreamableHTTPServerTransport }] = await loadSdk();
    const server = createMcpServer(client, mcp, c.get('requestId'));
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
  routes.on(['GET', 'DELETE'], '/mcp', (c) => {
    c.header('Allow', 'POST');
    return c.json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this MCP server is stateless, POST JSON-RPC messages to /mcp' }, id: null }, 405);
  });
  return routes;
}
