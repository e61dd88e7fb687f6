// @ts-check
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

/**
 * Bundles the server (server/main.ts and what it imports from src/api and src/lib) into one ES module,
 * dist/server/main.js, run by plain Node: no TypeScript loader at run time. Packages stay external and
 * are loaded from node_modules (better-sqlite3 is native), so `npm ci --omit=dev` is enough to run it.
 * The SQL migrations are read at start next to the module that applies them: they are copied beside it.
 */
export async function buildServer() {
  await build({
    entryPoints: ['server/main.ts'],
    outfile: 'dist/server/main.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  rmSync('dist/server/migrations', { recursive: true, force: true });
  cpSync('server/db/migrations', 'dist/server/migrations', { recursive: true });
}

if (process.argv[1] && import.meta.url === new URL(process.argv[1], 'file://').href) await buildServer();
