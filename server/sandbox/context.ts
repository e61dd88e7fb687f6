import type { HttpBindings } from '@hono/node-server';
import type { Db } from '../db/database';
import type { Logger } from '../http/logger';
import type { Role } from '#api/permissions';
import type { Signer } from './signing';
import type { InvoiceMailer } from './invoice-mailer';
import type { RateLimits } from './rate-limits';
import type { ReadCache } from './read-cache';
import type { OrganizationEventLog } from './organization-events';

export interface SandboxContext {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** PUBLIC_URL: the origin every absolute link is built from (never the request's Host). */
  publicUrl: string;
  signer: Signer;
  mailer: InvoiceMailer;
  cache: ReadCache;
  limits: RateLimits;
  /** Billing activity: every change records one event in its own transaction. */
  events: OrganizationEventLog;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface OrganizationRow {
  id: string;
  name: string;
  description: string | null;
  plan: string;
  website_url: string | null;
  repository: string | null;
  logo_url: string | null;
  icon_url: string | null;
  owner_id: string;
  created_at: string;
  updated_at: string;
  trial_ends_at: string | null;
  renewal_at: string;
  credit_cents: number;
  billing_external_id: string;
}

export interface AppEnv {
  /** Node's request and response under @hono/node-server; absent when the app is called in-process. */
  Bindings: Partial<HttpBindings>;
  Variables: {
    user: SessionUser;
    /** Set first, by server/http/request-id.ts. */
    requestId: string;
    /** The path's organization, once server/sandbox/operation-routes.ts has checked the caller's role there. */
    organization: MemberOrganization;
  };
}

export type MemberOrganization = OrganizationRow & { role: Role };
