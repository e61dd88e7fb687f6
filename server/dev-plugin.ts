import { getRequestListener } from '@hono/node-server';
import type { Plugin, ViteDevServer } from 'vite';
import type { createDevApp } from './dev-app';

const SERVER_PATHS = /^\/(api|sandbox|v1|mcp)(\/|$|\?)/;

type Listener = ReturnType<typeof getRequestListener>;

function isDevAppModule(module: unknown): module is { createDevApp: typeof createDevApp } {
  return typeof module === 'object' && module !== null && 'createDevApp' in module && typeof module.createDevApp === 'function';
}

/**
 * `npm run dev`: mounts the same server app inside Vite's dev server, so that the console, the API
 * and the sandbox share one process and one port. The app is loaded through Vite's SSR loader.
 */
export function billingServer(): Plugin {
  let listener: Promise<Listener> | undefined;

  async function load(server: ViteDevServer): Promise<Listener> {
    const module: unknown = await server.ssrLoadModule('/server/dev-app.ts');
    if (!isDevAppModule(module)) throw new Error('server/dev-app.ts must export createDevApp()');
    // Vite moves to the next free port when 5173 is taken: the links follow it.
    const local = server.resolvedUrls?.local[0];
    const app = module.createDevApp(local === undefined ? undefined : new URL(local).origin);
    return getRequestListener((request, env) => app.fetch(request, env));
  }

  return {
    name: 'billing-server',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!SERVER_PATHS.test(req.url ?? '')) return next();
        listener ??= load(server);
        listener.then((handle) => handle(req, res)).catch(next);
      });
    },
  };
}
