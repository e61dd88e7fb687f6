import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceptsEncoding } from './accept-encoding';

/** A built file as served: its bytes, and its pre-compressed copies when the build wrote them. */
interface BuiltFile {
  type: string;
  raw: Uint8Array<ArrayBuffer>;
  br?: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
}

const bytes = (file: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(file));

/**
 * The built console's files under `dir` (not its HTML, not source maps), read once, at start, into
 * memory. A build is a few megabytes that never change while the server runs (a new build is a
 * restart), and a first visit asks for twenty of them at once: read per request, each cost the
 * server 2 to 3 ms of file-system work (server/scripts/bench-invoices.ts), taken from the API
 * answers the page waits for.
 */
export function readBuiltFiles(dir: string): Map<string, BuiltFile> {
  const files = new Map<string, BuiltFile>();
  const walk = (folder: string, prefix: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) walk(path, `${prefix}${entry.name}/`);
        continue;
      }
      if (/\.(map|br|gz|html)$/.test(entry.name)) continue;
      const type = getMimeType(entry.name);
      if (!type) continue;
      const built: BuiltFile = { type, raw: bytes(path) };
      if (existsSync(`${path}.br`)) built.br = bytes(`${path}.br`);
      if (existsSync(`${path}.gz`)) built.gzip = bytes(`${path}.gz`);
      files.set(`${prefix}${entry.name}`, built);
    }
  };
  walk(dir, '/');
  return files;
}

/** Answers a built file in the smallest encoding the request accepts; Vary tells caches it depends on that. */
export function builtFileResponse(c: Context, file: BuiltFile, cacheControl: string): Response {
  const accepted = c.req.header('Accept-Encoding');
  const [encoding, body] =
    file.br && acceptsEncoding(accepted, 'br') ? ['br', file.br] : file.gzip && acceptsEncoding(accepted, 'gzip') ? ['gzip', file.gzip] : [undefined, file.raw];
  c.header('Content-Type', file.type);
  c.header('Cache-Control', cacheControl);
  if (file.br || file.gzip) c.header('Vary', 'Accept-Encoding');
  if (encoding) c.header('Content-Encoding', encoding);
  c.header('Content-Length', String(body.byteLength));
  return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(body, 200);
}
