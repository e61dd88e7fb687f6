import type { Env, Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFileResponse, readBuiltFiles } from './built-files';
import { earlyPageHtml } from './early-pages';

// Paths that never fall back to index.html: APIs; missing build files (a stale tab after a deploy
// must get a 404 for an old chunk, not HTML it would try to run as a script); and well-known
// discovery documents (an MCP client probing for OAuth metadata must get a 404, not the console).
const NO_FALLBACK_PREFIXES = ['/api/', '/sandbox/', '/v1/', '/mcp', '/assets/', '/.well-known/', '/.vite/'];

/**
 * Serves the built console: hashed assets with a year of cache (pre-compressed .br/.gz when present),
 * and index.html, never cached, for every other GET so that client routes survive a reload.
 */
export function mountSpa<E extends Env>(app: Hono<E>, distDir: string): void {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`The console is not built: ${indexFile} is missing (run npm run build)`);
  const htmlFor = earlyPageHtml(distDir, readFileSync(indexFile, 'utf8'));

  // Every built file but the HTML, from memory (built-files.ts). Vite writes source maps next to the
  // bundles (for our own debugging and the size report): they hold the whole original source and are
  // not among them, nor is the build manifest, which is for the server (early-pages.ts).
  const files = readBuiltFiles(distDir);
  app.get('*', async (c, next) => {
    const file = files.get(c.req.path);
    if (!file) return next();
    // Hashed names change with their content: a year of cache. The others (theme.js) are checked each time.
    return builtFileResponse(c, file, c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  app.get('*', (c) => {
    if (NO_FALLBACK_PREFIXES.some((prefix) => c.req.path.startsWith(prefix))) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(htmlFor(c.req.path));
  });
}
