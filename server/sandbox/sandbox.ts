import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import type { CloudPlansOperation } from '#api/cloud-plans-operation';
import type { Operation } from '#api/operation';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { Logger } from '../http/logger';
import { authenticate, organizationAccess } from './auth';
import { billingInfoRoutes } from './billing-info';
import { billingRules } from './billing-rules';
import { cloudPlansApiRoutes } from './cloud-plans/api';
import { checkoutPages } from './cloud-plans/checkout-pages';
import { cloudPlansStore } from './cloud-plans/store';
import type { AppEnv, SandboxContext } from './context';
import { creditCardRoutes } from './credit-cards';
import { creditCodeRoutes } from './credit-codes';
import { fileRoutes } from './files';
import { idempotency } from './idempotency';
import { InvoiceMailer } from './invoice-mailer';
import { invoiceStore } from './invoice-store';
import { invoiceRoutes } from './invoices';
import { OperationRoutes } from './operation-routes';
import { organizationRoutes } from './organizations';
import { planRoutes } from './plan';
import { sessionRoutes } from './session';
import { Signer } from './signing';
import { RateLimits, type RateLimitSettings } from './rate-limits';
import { ReadCache } from './read-cache';
import { usageReportRoutes } from './usage-reports';
import { organizationEventLog, organizationEventRoutes } from './organization-events';

export interface SandboxOptions {
  db: Db;
  logger: Logger;
  now: Clock;
  /** PUBLIC_URL: the origin of every absolute link the sandbox hands out. */
  publicUrl: string;
  resetEndpoint: boolean;
  rateLimits: RateLimitSettings;
}

export interface Sandbox {
  /** The Qovery Billing contract, to mount at /api. */
  qoveryApi: Hono<AppEnv>;
  /** The rows of the operation table the sandbox serves (checked against the table by server/test/operation-table.test.ts). */
  operations: ReadonlySet<Operation>;
  /** The Cloud Plans Billing contract, to mount at /api/v1/organizations/billing. */
  cloudPlansApi: Hono<AppEnv>;
  /** The rows of the Cloud Plans table it dispatches (checked against the table by server/test/cloud-plans-table.test.ts). */
  cloudPlansOperations: ReadonlySet<CloudPlansOperation>;
  /** Sandbox-only pages and files, to mount at /sandbox. */
  pages: Hono<AppEnv>;
  mailer: InvoiceMailer;
  cache: ReadCache;
  limits: RateLimits;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const { db, logger } = options;
  const { now } = options;
  const secret = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'signing_secret'").get();
  if (!secret) throw new Error('The sandbox database has no signing secret: it was not seeded');
  const invoices = invoiceStore(db);
  const mailer = new InvoiceMailer(db, invoices, logger, now);
  // Mails a stopped process had accepted (202) but not delivered.
  const resumed = mailer.resume();
  if (resumed > 0) logger.info(`resumed ${resumed} pending invoice mail${resumed === 1 ? '' : 's'}`);
  const cache = new ReadCache(db);
  const limits = new RateLimits(options.rateLimits);
  const ctx: SandboxContext = { db, logger, now, publicUrl: options.publicUrl, signer: new Signer(secret.value), mailer, cache, limits, events: organizationEventLog(db) };
  const requireOrganization = organizationAccess(db, cache);
  const rules = billingRules(db);

  const qoveryApi = new Hono<AppEnv>();
  qoveryApi.use('*', cache.dropOnWrites());
  qoveryApi.use('*', authenticate(db, cache, limits));
  // POST only: reads never meet it. Keys are the caller's own, whatever the organization.
  const byUser = idempotency(ctx, secret.value, (c) => `user:${c.get('user').id}`);
  qoveryApi.on('POST', '*', byUser);
  // Every row of the operation table (src/api/operation-table.ts), each with its permission and body schema.
  const operations = new OperationRoutes(requireOrganization);
  organizationRoutes(ctx, operations, rules);
  billingInfoRoutes(ctx, operations);
  planRoutes(ctx, operations, rules);
  creditCodeRoutes(ctx, operations);
  creditCardRoutes(ctx, operations);
  invoiceRoutes(ctx, operations, invoices);
  usageReportRoutes(ctx, operations);
  organizationEventRoutes(ctx, operations);
  qoveryApi.route('/', operations.routes);

  const cloudPlans = cloudPlansStore(db);
  const cloudPlansApi = new Hono<AppEnv>();
  cloudPlansApi.use('*', cache.dropOnWrites());
  // Its routes authenticate too; this one also counts the token's requests.
  cloudPlansApi.use('*', authenticate(db, cache, limits));
  cloudPlansApi.on('POST', '*', byUser);
  // Every row of the Cloud Plans table (src/api/cloud-plans-table.ts), each with its permission and request schema.
  const cloudPlansRoutes = cloudPlansApiRoutes(ctx, cloudPlans);
  cloudPlansApi.route('/', cloudPlansRoutes.routes);

  const pages = new Hono<AppEnv>();
  pages.use('*', cache.dropOnWrites());
  pages.route('/', sessionRoutes(ctx, { resetEndpoint: options.resetEndpoint }));
  pages.route('/', fileRoutes(ctx, invoices));
  // The hosted pages have no login: their secret link is the credential, so it scopes the keys.
  const byLink = idempotency(ctx, secret.value, (c) => `page:${createHash('sha256').update(c.req.path).digest('base64url')}`);
  pages.on('POST', ['/checkout/*', '/payment-method/*'], byLink);
  pages.route('/', checkoutPages(ctx, cloudPlans));

  return { qoveryApi, operations: operations.mounted, cloudPlansApi, cloudPlansOperations: cloudPlansRoutes.dispatched, pages, mailer, cache, limits };
}
