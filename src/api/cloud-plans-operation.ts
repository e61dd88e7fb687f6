import type * as z from 'zod/mini';
import type { Permission } from './permissions';

/**
 * What a row of the Cloud Plans table is (cloud-plans-operations.ts, cloud-plans-update-operations.ts,
 * joined in cloud-plans-table.ts), and the address the console derives from one. The contract is
 * action-dispatched: one path per kind of operation, the `action` query parameter picks the operation.
 */
export interface CloudPlansOperation {
  readonly method: 'GET' | 'POST';
  /** The contract's path (seed 001), served under /api; several rows share it. */
  readonly path: string;
  /** The `action` query parameter, and the row's id. */
  readonly action: string;
  /**
   * Where the console puts the request's fields: the query string or a JSON body, as the contract
   * shows them (describe's GET body, which browsers cannot send, goes in the query string). The
   * sandbox accepts either way.
   */
  readonly sends: 'query' | 'body';
  /** The request's shared schema: the sandbox parses the merged query string and body with it. */
  readonly request: z.ZodMiniObject;
  /** The envelope's schema for a success: parses the answer in the console, types the handler's result. */
  readonly answer: z.ZodMiniType;
  /** What the caller's role in org_id's organization must allow (permissions.ts): the sandbox answers 403 otherwise. */
  readonly permission: Permission;
  /** What it is for, in a few words: the README's table shows it. */
  readonly description: string;
}

/** What a call sends: the request schema's output, the values the console (its forms) already has. */
export type CloudPlansRequestOf<Op extends CloudPlansOperation> = z.output<Op['request']>;

/** What a success answers. */
export type CloudPlansAnswerOf<Op extends CloudPlansOperation> = z.output<Op['answer']>;

/** The request's fields for the query string: the contract's fields are text or numbers. */
function queryOf(fields: object): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' || typeof value === 'number') query[name] = String(value);
  }
  return query;
}

/** Where the console calls a row: its path under /api, its action first, then the fields it sends in the query string. */
export function cloudPlansUrl<Op extends CloudPlansOperation>(operation: Op, request: CloudPlansRequestOf<Op>): string {
  const query = operation.sends === 'query' ? queryOf(request) : {};
  return `/api${operation.path}?${new URLSearchParams({ action: operation.action, ...query }).toString()}`;
}
