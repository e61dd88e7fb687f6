import { readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import type { CloudPlansOperation } from '#api/cloud-plans-operation';
import { CLOUD_PLANS_OPERATIONS } from '#api/cloud-plans-table';
import { OPERATIONS } from '#api/operation-table';
import { PERMISSIONS, ROLE_LABELS } from '#api/permissions';
import { GATEWAY_OPERATIONS, restRoutePath, type ToolHints } from '../gateway/operations';

/**
 * The README's operation tables, written from the operation table (src/api/operation-table.ts) and
 * the Cloud Plans table (src/api/cloud-plans-table.ts): `npm run docs:operations` rewrites each
 * between its markers, and server/test/operation-table.test.ts and cloud-plans-table.test.ts fail
 * when the README and the code differ.
 */
export const START = '<!-- operations:start (npm run docs:operations writes this table) -->';
export const END = '<!-- operations:end -->';
export const CLOUD_PLANS_START = '<!-- cloud-plans-operations:start (npm run docs:operations writes this table) -->';
export const CLOUD_PLANS_END = '<!-- cloud-plans-operations:end -->';

function roles(permission: keyof typeof PERMISSIONS | null): string {
  if (permission === null) return 'any signed-in user';
  return PERMISSIONS[permission].map((role) => ROLE_LABELS[role].toLowerCase()).join(', ');
}

function hints({ readOnlyHint, destructiveHint, idempotentHint }: ToolHints): string {
  return [readOnlyHint && 'read-only', destructiveHint && 'destructive', idempotentHint && 'idempotent'].filter(Boolean).join(', ');
}

export function operationTableMarkdown(): string {
  const rows = OPERATIONS.map((operation) => {
    const gateway = GATEWAY_OPERATIONS.find((candidate) => candidate.upstreamPath === operation.path && candidate.method === operation.method);
    const request = `${operation.method} \`${operation.path}\``;
    if (!gateway) return `| ${operation.id} | ${request} | ${roles(operation.permission)} | not exposed | | |`;
    const route = `\`${restRoutePath(gateway).replace(/:(\w+)/g, '{$1}')}\``;
    return `| ${operation.id} | ${request} | ${roles(operation.permission)} | ${route} | \`${gateway.tool}\` | ${hints(gateway.hints)} |`;
  });
  return ['| operation | request (under `/api`) | roles | gateway REST route | MCP tool | hints |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * A schema's fields as the README shows them: `{status, response: {name, id}}`, `?` after an optional
 * field, `or null` after a nullable one, `[…]` for a list; a field that is text or a number is its name.
 */
function fieldsOf(schema: unknown): string {
  if (schema instanceof z.ZodMiniOptional) return fieldsOf(schema._zod.def.innerType);
  if (schema instanceof z.ZodMiniNullable) return `${fieldsOf(schema._zod.def.innerType)} or null`;
  if (schema instanceof z.ZodMiniArray) return `[${fieldsOf(schema._zod.def.element)}]`;
  if (!(schema instanceof z.ZodMiniObject)) return '';
  const fields = Object.entries(schema.shape).map(([name, field]) => {
    const inner = fieldsOf(field);
    return `${name}${field instanceof z.ZodMiniOptional ? '?' : ''}${inner === '' ? '' : `: ${inner}`}`;
  });
  return `{${fields.join(', ')}}`;
}

/** The request as the console sends it: the action and the query string's fields in the address, or the body's fields after it. */
function cloudPlansRequest(operation: CloudPlansOperation): string {
  if (operation.sends === 'body') return `${operation.method} \`${operation.path}?action=${operation.action}\` with \`${fieldsOf(operation.request)}\``;
  const query = Object.keys(operation.request.shape).map((name) => `&${name}=…`);
  return `${operation.method} \`${operation.path}?action=${operation.action}${query.join('')}\``;
}

export function cloudPlansTableMarkdown(): string {
  const rows = CLOUD_PLANS_OPERATIONS.map(
    (operation) => `| ${operation.action} | ${operation.description} | ${cloudPlansRequest(operation)} | ${roles(operation.permission)} | \`${fieldsOf(operation.answer)}\` |`,
  );
  return ['| action | what it does | request (under `/api`) | roles | answer |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with the block between `startMarker` and `endMarker` replaced by `table`. */
function withBlock(readme: string, startMarker: string, endMarker: string, table: string): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start === -1 || end < start) throw new Error(`README.md has no ${startMarker} … ${endMarker} block`);
  return `${readme.slice(0, start + startMarker.length)}\n${table}\n${readme.slice(end)}`;
}

/** The README with its operation tables replaced by the ones the code describes. */
export function withOperationTables(readme: string): string {
  return withBlock(withBlock(readme, START, END, operationTableMarkdown()), CLOUD_PLANS_START, CLOUD_PLANS_END, cloudPlansTableMarkdown());
}

if (process.argv[1] && import.meta.url === new URL(process.argv[1], 'file://').href) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', withOperationTables(readme));
}
