// @ts-check
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start`: builds the console and the server when they are missing or older than their sources,
 * then runs the built server (dist/server/main.js) in this process. Plain JavaScript, so that running
 * needs neither a TypeScript loader nor Vite; building needs the dev dependencies (`npm ci`).
 */
const CONSOLE_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];
const SERVER_SOURCES = ['server', 'src/api', 'src/lib', 'package-lock.json', 'scripts/build-server.js'];

/** @param {string} path */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** @param {string} file @param {string[]} sources */
function stale(file, sources) {
  const builtAt = existsSync(file) ? statSync(file).mtimeMs : 0;
  return builtAt < Math.max(...sources.map(newestMtime));
}

const consoleStale = stale('dist/console/index.html', CONSOLE_SOURCES);
const serverStale = stale('dist/server/main.js', SERVER_SOURCES);
if (consoleStale || serverStale) {
  process.stdout.write(existsSync('dist/server/main.js') ? 'Sources changed: rebuilding…\n' : 'Building the console and the server (first start)…\n');
  try {
    if (consoleStale) {
      const { build } = await import('vite');
      await build({ logLevel: 'warn' });
    }
    if (serverStale) {
      const { buildServer } = await import('./build-server.js');
      await buildServer();
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write('The build is missing or out of date, and the build tools are not installed: run `npm ci && npm run build` first.\n');
      process.exit(1);
    }
    throw error;
  }
}

await import('../dist/server/main.js');
