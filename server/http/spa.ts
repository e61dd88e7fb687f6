import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { earlyPageHtml } from './early-pages';

// Paths that never fall back to index.html: APIs; missing build files (a stale tab after a deploy
// must get a 404 for an old chunk, not HTML it would try to run as a script); and well-known
// discovery documents (an MCP client probing for OAuth metadata must get a 404, not the console).
const NO_FALLBACK_PREFIXES = ['/api/', '/sandbox/', '/v1/', '/mcp', '/assets/', '/.well-known/'];

/**
 * Serves the built console: hashed assets with a year of cache (pre-compressed .br/.gz when present),
 * and index.html, never cached, for every other GET so that client routes survive a reload.
 */
export function mountSpa<E extends Env>(app: Hono<E>, distDir: string): void {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`The console is not built: ${indexFile} is missing (run npm run build)`);
  const htmlFor = earlyPageHtml(distDir, readFileSync(indexFile, 'utf8'));
  const root = relative(process.cwd(), distDir) || '.';

  // Vite writes source maps next to the bundles (for our own debugging and the size report): they
  // hold the whole original source and are not served.
  app.use('/assets/*', async (c, next) => {
    if (c.req.path.endsWith('.map')) return c.notFound();
    await next();
  });
  // The build manifest is for the server (early-pages.ts), not for browsers.
  app.use('/.vite/*', async (c) => c.notFound());
  app.use(
    '/assets/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root, index: 'no-index.html' }));
  app.get('*', (c) => {
    if (NO_FALLBACK_PREFIXES.some((prefix) => c.req.path.startsWith(prefix))) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(htmlFor(c.req.path));
  });
}
