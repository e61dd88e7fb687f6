import type { GatewayKind, Operation, ToolHints } from './operation';
import * as writes from './operation-actions';
import * as documents from './operation-documents';
import * as events from './operation-events';
import * as clusterReads from './operation-cluster-reads';
import * as reads from './operations';

/**
 * The whole operation table, for the server (sandbox mounting, gateway) and the docs; the console
 * imports rows one by one. A row's id is its export name, the spec's operationId.
 */
export const ROWS = { ...reads, ...clusterReads, ...writes, ...documents, ...events };

export type OperationId = keyof typeof ROWS;
export type TableOperation = Operation & { readonly id: OperationId };

function isOperationId(id: string): id is OperationId {
  return id in ROWS;
}

const METHODS = ['GET', 'PUT', 'POST', 'DELETE'];

/** Every row with its id, by path and then method: the README's order. */
export const OPERATIONS: readonly TableOperation[] = Object.entries(ROWS)
  .flatMap(([id, row]) => (isOperationId(id) ? [{ ...row, id }] : []))
  .sort((a, b) => a.path.localeCompare(b.path) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method));

/** A row's id (its operationId), from the row itself. */
export function operationId(row: Operation): OperationId {
  const found = Object.keys(ROWS)
    .filter(isOperationId)
    .find((id) => ROWS[id] === row);
  if (!found) throw new Error(`${row.method} ${row.path} is not a row of the operation table`);
  return found;
}

/** The hints of each kind of gateway tool (seed 004): a deleted card cannot come back, and deleting it twice leaves the same state. */
export const GATEWAY_HINTS: Record<GatewayKind, ToolHints> = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  write: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  'idempotent-write': { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  destructive: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
};
