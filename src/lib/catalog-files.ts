import { parse, type Token } from '@messageformat/parser';
import { readFileSync } from 'node:fs';

/**
 * Reading message catalogs for their checks (src/lib/catalogs.test.ts for the console's,
 * server/test/document-messages.test.ts for the documents'): Node only, never in the bundle.
 */

/** A catalog file: a flat JSON object of ICU messages. */
export function readCatalog(path: string): Record<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const catalog: Record<string, string> = {};
  for (const [key, value] of Object.entries(typeof parsed === 'object' && parsed !== null ? parsed : {})) catalog[key] = String(value);
  return catalog;
}

/** The names of a message's arguments, in its plural and select cases too, and of the tags in its text (<time>…</time>). */
export function placeholders(message: string): string[] {
  const names = new Set<string>();
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'content') for (const [, tag] of token.value.matchAll(/<\/?(\w+)>/g)) names.add(`<${tag}>`);
      else if (token.type === 'argument' || token.type === 'function') names.add(token.arg);
      else if (token.type === 'plural' || token.type === 'select') {
        names.add(token.arg);
        for (const entry of token.cases) visit(entry.tokens);
      }
    }
  };
  visit(parse(message));
  return [...names].sort();
}
