import type * as z from 'zod/mini';
import type { Permission } from './permissions';

/**
 * What a row of the operation table is (operations.ts, operation-actions.ts, operation-table.ts),
 * and what the client derives from one.
 */

/** The parameters of a path template: '/organization/{organizationId}/invoice/{invoiceId}' has organizationId and invoiceId. */
export type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParams<Rest> : never;
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The kinds of MCP tool annotations seed 004 gives: their hints are in operation-table.ts (GATEWAY_HINTS). */
export type GatewayKind = 'read' | 'write' | 'idempotent-write' | 'destructive';

/** The MCP tool annotations of seed 004. */
export interface ToolHints {
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
}

export interface Operation {
  readonly method: Method;
  /** The spec's path template, served under /api. */
  readonly path: string;
  /** The request body's shared schema: the console's form, the sandbox and the MCP tool validate with it. */
  readonly body?: z.ZodMiniType;
  /** The query parameters' shared schema (filters, paging): the sandbox validates the query string with it, the MCP tool takes them as `query`. */
  readonly query?: z.ZodMiniObject;
  /** The JSON answer's schema; null when the contract declares no body. */
  readonly answer: z.ZodMiniType | null;
  /** A body the sandbox adds where the contract declares none (documented in the README). */
  readonly extension?: z.ZodMiniType;
  /** The success status; absent: 200. */
  readonly success?: 201 | 202 | 204;
  /** What the caller's role in the path's organization must allow (src/api/permissions.ts); null: any signed-in user, not about one organization. */
  readonly permission: Permission | null;
  /** The billing gateway exposes it (seed 004) as a REST route and an MCP tool with these hints (operation-table.ts); absent: not exposed. */
  readonly gateway?: GatewayKind;
  /** The MCP tool's name when the seed does not name it after the id in kebab case (get-organization-billing-status). */
  readonly tool?: string;
}

/** The path's values for an operation's parameters. */
export type ParamsOf<Op extends Operation> = Record<PathParams<Op['path']>, string>;

/** What a call sends as its body: the schema's output, which the console's form already parsed. */
export type BodyOf<Op extends Operation> = Op extends { body: infer Body extends z.ZodMiniType } ? z.output<Body> : undefined;

/** The query parameters a call sends: the schema's output, the values the console already has; absent: none. */
export type QueryOf<Op extends Operation> = Op extends { query: infer Query extends z.ZodMiniType } ? z.output<Query> : undefined;

/** What a success answers: the contract's body, else the sandbox's extension, else nothing. */
export type AnswerOf<Op extends Operation> = Op extends { answer: infer Answer extends z.ZodMiniType }
  ? z.output<Answer>
  : Op extends { extension: infer Extension extends z.ZodMiniType }
    ? z.output<Extension>
    : void;

/** The concrete path of an operation in the contract, each value encoded (served under /api: operationUrl). */
export function operationPath<Op extends Operation>(operation: Op, params: ParamsOf<Op>): string {
  const values: Partial<Record<string, string>> = params;
  return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
}

/** Where the console calls an operation: the contract is served under /api. */
export function operationUrl<Op extends Operation>(operation: Op, params: ParamsOf<Op>): string {
  return `/api${operationPath(operation, params)}`;
}
