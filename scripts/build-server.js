// @ts-check
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

/**
 * Packages left out of the bundle and loaded from node_modules: better-sqlite3 is native, and the
 * others are loaded only when first needed (the first PDF, ZIP, document or MCP request: `await
 * import()`), so that they cost nothing at start. @messageformat/core compiles the documents'
 * catalogs (server/documents), which the bundle holds as lazy modules.
 */
const EXTERNAL = ['better-sqlite3', 'pdf-lib', 'fflate', '@messageformat/core', '@modelcontextprotocol/sdk'];

/**
 * Bundles the server (server/main.ts and what it imports from src/api and src/lib) into one ES module,
 * dist/server/main.js, run by plain Node: no TypeScript loader at run time. The pure JavaScript
 * packages it uses at start (hono, zod, date-fns…) are bundled in, tree-shaken: resolving and loading
 * their hundreds of files one by one (date-fns alone is some 250) was most of the server's start
 * (npm run bench:start). The rest stay in node_modules (EXTERNAL), so `npm ci --omit=dev` is still
 * what running it needs. The SQL migrations are read at start next to the module that applies them:
 * they are copied beside it.
 */
export async function buildServer() {
  await build({
    entryPoints: ['server/main.ts'],
    outfile: 'dist/server/main.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's own modules, which an ES module lacks.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  });
  rmSync('dist/server/migrations', { recursive: true, force: true });
  cpSync('server/db/migrations', 'dist/server/migrations', { recursive: true });
}

if (process.argv[1] && import.meta.url === new URL(process.argv[1], 'file://').href) await buildServer();
