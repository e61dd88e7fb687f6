import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The README's text between two markers (a table that npm run docs:operations writes), trimmed. */
export function readmeBlock(start: string, end: string): string {
  const readme = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');
  return readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end)).trim();
}
