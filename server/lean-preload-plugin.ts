import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import type { Plugin } from 'vite';

const HELPER_ID = '\0vite/preload-helper.js';

/**
 * Swaps Vite's dynamic-import helper for server/lean-preload-helper.ts, which only loads stylesheets:
 * with `build.modulePreload: false` those are all Vite gives it. Saves about 0.6 KB gzip on every
 * first page (docs/decisions/first-page-budget.md). Fails the build if Vite's helper module is not
 * found under its usual id, or if module preloading is turned back on, rather than ship the wrong one.
 */
export function leanPreloadHelper(): Plugin {
  let replaced = false;
  let base = '/';
  return {
    name: 'lean-preload-helper',
    apply: 'build',
    configResolved(config) {
      if (config.build.modulePreload !== false) throw new Error('lean-preload-helper: it loads stylesheets only, so it needs build.modulePreload: false');
      base = config.base;
    },
    buildStart() {
      replaced = false;
    },
    transform(code, id) {
      if (id !== HELPER_ID) return null;
      if (!code.includes('__vitePreload')) throw new Error(`lean-preload-helper: ${HELPER_ID} no longer defines __vitePreload`);
      replaced = true;
      const source = readFileSync(new URL('./lean-preload-helper.ts', import.meta.url), 'utf8').replace("const BASE = '/';", `const BASE = ${JSON.stringify(base)};`);
      return { code: transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022' }).code, map: null };
    },
    buildEnd(error) {
      if (!error && !replaced) this.warn(`${HELPER_ID} was not in the build: no lazy import needed it`);
    },
  };
}
