import { readFileSync, writeFileSync } from 'node:fs';
import { OPERATIONS } from '#api/operation-table';
import { PERMISSIONS, ROLE_LABELS } from '#api/permissions';
import { GATEWAY_OPERATIONS, restRoutePath, type ToolHints } from '../gateway/operations';

/**
 * The README's operation table, written from the operation table (src/api/operation-table.ts):
 * `npm run docs:operations` rewrites it between its markers, and server/test/operation-table.test.ts
 * fails when the README and the code differ.
 */
export const START = '<!-- operations:start (npm run docs:operations writes this table) -->';
export const END = '<!-- operations:end -->';

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

/** The README with its operation table replaced by the one the code describes. */
export function withOperationTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${operationTableMarkdown()}\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.url === new URL(process.argv[1], 'file://').href) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', withOperationTable(readme));
}
