/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { billingServer } from './server/dev-plugin.ts';
import { icuMessages } from './server/icu-messages-plugin.ts';
import { leanPreloadHelper } from './server/lean-preload-plugin.ts';
import { precompress } from './server/precompress-plugin.ts';
import { sonnerStylesFromFile } from './server/sonner-styles-plugin.ts';

export default defineConfig(({ command }) => ({
  plugins: [icuMessages(), react(), tailwindcss(), billingServer(), leanPreloadHelper(), sonnerStylesFromFile(), precompress()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // React Router's package maps every condition to its development build, whose dev warnings
      // (ENABLE_DEV_WARNINGS = true) a minifier cannot drop; its production build is the same code
      // without them, 1.9 KB gzip less on every first page.
      ...(command === 'build' ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) }] : []),
    ],
  },
  server: { port: 5173, strictPort: false },
  build: {
    // The server's bundle goes to dist/server (scripts/build-server.js): only dist/console is served.
    outDir: 'dist/console',
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    // Every browser the console supports preloads modules itself (<link rel=modulepreload>: Chromium
    // 66, Firefox 115, Safari 17); the polyfill was 0.3 KB gzip on every first page.
    modulePreload: false,
    // The server reads it to preload a page's chunks with its HTML (server/http/spa.ts).
    manifest: true,
    // Small modules the overview (the first page, 130 KB budget: npm run size) shares with other
    // pages, as one chunk rather than ten of 0.1 to 0.8 KB; not their dependencies, so that React and
    // the router stay in the entry. The sign-in page does not load it.
    rolldownOptions: {
      output: {
        // A page's chunk keeps its name (a test delays one to prove the data does not wait for it);
        // the others are their hash, which is all the entry needs to list.
        chunkFileNames: (chunk) => (chunk.name.endsWith('-route') ? 'assets/[name]-[hash:7].js' : 'assets/[hash:7].js'),
        codeSplitting: {
          groups: [
            {
              // What the entry imports statically stays in the entry's chunk: otherwise the bundler split
              // off React, the shell's catalog or Vite's preload helper as chunks of their own, each one
              // more request and less compression on every first page (docs/decisions/first-page-budget.md).
              name: 'initial',
              tags: ['$initial'],
              includeDependenciesRecursively: false,
            },
            {
              name: 'common',
              includeDependenciesRecursively: false,
              test: /src[\\/](lib[\\/](money|date-format|plural|card-validity)\.ts|api[\\/](invoice-reference|plan-period|unpaid-grace)\.ts|components[\\/]ui[\\/](badge|card|skeleton|error-state|copy-button)\.tsx|components[\\/]ui[\\/]plan-name\.ts|lib[\\/](use-organization\.ts|rich-text\.tsx))$/,
            },
            // Small modules that pages other than the first share (the permission check, no-access page
            // and query states of the pages a role may be refused; action keys, field errors, safe URLs,
            // focus requests): one chunk, as the
            // entry lists every chunk's hashed name, which does not compress, on the first page.
            {
              name: 'pages',
              includeDependenciesRecursively: false,
              test: /src[\\/](lib[\\/](route-access|use-action-key|server-field-errors|safe-url)\.ts|api[\\/]idempotency\.ts|components[\\/](query-state|no-access|no-access-page)\.tsx|components[\\/]ui[\\/]use-focus-request\.ts|app[\\/]permitted-outlet\.tsx)$|node_modules[\\/](use-sync-external-store|clsx)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
          // Typing with userEvent against the real server app takes seconds on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
}));
