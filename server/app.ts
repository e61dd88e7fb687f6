import { Hono, type MiddlewareHandler } from 'hono';
import { CLOUD_PLANS_BASE } from '#api/cloud-plans';
import type { Db } from './db/database';
import type { Env } from './env';
import { mountGateway } from './gateway/gateway';
import { MAX_BODY_BYTES } from './http/body';
import { limitBody } from './http/body-limit';
import { errorHandler, notFoundJson } from './http/errors';
import { loggablePath, type Logger } from './http/logger';
import { securityHeaders } from './http/security-headers';
import { mountSpa } from './http/spa';
import { DEFAULT_UPSTREAM_TIMEOUT_MS, httpUpstream, type Upstream } from './http/upstream';
import { mountRealBackend } from './real-backend/forward';
import type { AppEnv } from './sandbox/context';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './sandbox/rate-limits';
import { createSandbox, type Sandbox } from './sandbox/sandbox';
import { systemClock, type Clock } from './clock';

export interface AppOptions {
  env: Env;
  logger: Logger;
  /** The sandbox database; required when env.billingBackend is "sandbox". */
  db?: Db;
  /** The clock every billing rule reads (server/clock.ts); the system's by default. */
  now?: Clock;
  /** Folder of the built console; omitted in tests and in Vite's dev server, which serves it itself. */
  distDir?: string;
  /** Rate limits other than the env's; tests lower them. */
  rateLimits?: Partial<RateLimitSettings>;
  /** How long a call to an upstream (real backend, gateway) may take before it answers 504; tests shorten it. */
  upstreamTimeoutMs?: number;
}

export interface App {
  app: Hono<AppEnv>;
  sandbox: Sandbox | null;
}

function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(`${c.req.method} ${loggablePath(c.req.path)} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms [${c.get('requestId')}]`);
  };
}

export function createApp(options: AppOptions): App {
  const { env, logger } = options;
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const now = options.now ?? systemClock;
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(logger));
  app.notFound(notFoundJson);
  // First, so that every answer, error body and log line after it has the request's id.
  app.use('*', securityHeaders({ csp: options.distDir !== undefined, hsts: env.publicUrl.startsWith('https:') }));
  // Not even a pass-through when quiet: every middleware is a frame on every request.
  if (logger.enabled('info')) app.use('*', requestLog(logger));
  // Asking a request for its body makes @hono/node-server build a full fetch Request; GET and HEAD
  // handlers never read one, so they skip that cost (their bodies are discarded unread).
  app.on(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], '*', limitBody(MAX_BODY_BYTES));

  // `time` is the server's clock (SANDBOX_CLOCK may move it): the end-to-end tests set the browser's to it.
  app.get('/api/health', (c) => c.json({ status: 'ok', backend: env.billingBackend, time: now().toISOString() }));

  const qovery = httpUpstream('the Qovery API', env.qoveryApiUrl, timeoutMs);
  let sandbox: Sandbox | null = null;
  if (env.billingBackend === 'sandbox') {
    if (!options.db) throw new Error('The sandbox backend needs a database');
    const rateLimits = { ...DEFAULT_RATE_LIMITS, requestsPerMinute: env.rateLimitPerMinute, ...options.rateLimits };
    sandbox = createSandbox({ db: options.db, logger, now, publicUrl: env.publicUrl, resetEndpoint: env.sandboxResetEndpoint, rateLimits });
    // Before /api: the Qovery routes' middleware would otherwise claim /api/v1/... too.
    app.route(CLOUD_PLANS_BASE, sandbox.cloudPlansApi);
    app.route('/api', sandbox.qoveryApi);
    app.route('/sandbox', sandbox.pages);
  } else {
    mountRealBackend(app, {
      qovery,
      cloudPlans: env.cloudPlansApiUrl === null ? null : httpUpstream('the Cloud Plans API', env.cloudPlansApiUrl, timeoutMs),
      logger,
    });
  }

  // In sandbox mode the gateway calls the sandbox in-process, through this same app's /api routes
  // (the links the sandbox signs are built from PUBLIC_URL, whoever asks).
  const inProcess: Upstream | null = sandbox ? { name: 'the sandbox', baseUrl: `${env.publicUrl}/api`, timeoutMs, fetch: async (request) => app.fetch(request) } : null;
  const contract = (): Upstream => inProcess ?? qovery;
  mountGateway(app, { apiKey: env.qoveryApiKey, gatewayToken: env.gatewayToken, contract, logger, publicUrl: env.publicUrl });

  if (options.distDir !== undefined) mountSpa(app, options.distDir);
  return { app, sandbox };
}
