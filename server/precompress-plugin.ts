import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Writes .br and .gz next to each text asset at build time, so the server never compresses per request. */
export function precompress(): Plugin {
  let outDir = 'dist/console';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      // The scripts of public/ (theme.js, early-requests.js) are copied as written, comments and all:
      // minified here like the bundle's own, as every first page loads one of them.
      for (const name of readdirSync(outDir)) {
        if (!name.endsWith('.js')) continue;
        const path = join(outDir, name);
        writeFileSync(path, transformSync(readFileSync(path, 'utf8'), { minify: true, target: 'es2022' }).code);
      }
      for (const path of files(outDir)) {
        if (!COMPRESSIBLE.test(path)) continue;
        const content = readFileSync(path);
        if (content.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}
