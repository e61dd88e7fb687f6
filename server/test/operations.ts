import type * as z from 'zod/mini';
import { clusterListSchema, costRangeSchema } from '#api/contract-clusters';
import {
  billingExternalIdSchema,
  billingInfoSchema,
  billingStatusSchema,
  creditCardListSchema,
  creditCardSchema,
  currentCostSchema,
  invoiceListSchema,
  invoiceSchema,
  organizationListSchema,
  organizationSchema,
} from '#api/contract';
import { linkSchema, usageReportResponseSchema } from '#api/action-answers';
import { creditCodeAnswerSchema } from '#api/credit-code';
import { organizationEventListSchema } from '#api/organization-events';
import type { Db } from '../db/database';
import { stableUuid } from '../db/ids';
import { ORGS, US_BILLING_INFO, validCard, type OrgName, type TokenName } from './helpers';

/**
 * The 20 operations of the contract, written out from the spec and DESIGN.md rather than derived
 * from the server's own tables, so that the tests check the server against the documents.
 */
export type Role = 'admin' | 'billing_manager' | 'viewer';

const EVERYONE: readonly Role[] = ['admin', 'billing_manager', 'viewer'];
const FINANCE: readonly Role[] = ['admin', 'billing_manager'];
const ADMIN: readonly Role[] = ['admin'];

export interface Operation {
  /** The spec's operationId. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The spec's path template (served under /api). */
  path: string;
  /** Who may call it (DESIGN.md's permission table); null when it is not about one organization. */
  roles: readonly Role[] | null;
  success: 200 | 201 | 202 | 204;
  /** Changes data, so that a matrix row calling it gets an app of its own. */
  mutates: boolean;
  /** A valid body. */
  body?: (now: Date) => unknown;
  /** A body the operation must refuse with 400, for operations whose spec lists 400. */
  invalidBody?: unknown;
  /** The shared zod schema of a JSON success answer. */
  response?: z.ZodMiniType;
  /** A success body the sandbox adds where the spec declares none (documented in the README). */
  extension?: z.ZodMiniType;
}

export const OPERATIONS: readonly Operation[] = [
  { id: 'listOrganization', method: 'GET', path: '/organization', roles: null, success: 200, mutates: false, response: organizationListSchema },
  { id: 'getOrganization', method: 'GET', path: '/organization/{organizationId}', roles: EVERYONE, success: 200, mutates: false, response: organizationSchema },
  { id: 'listOrganizationCluster', method: 'GET', path: '/organization/{organizationId}/cluster', roles: EVERYONE, success: 200, mutates: false, response: clusterListSchema },
  {
    id: 'getOrganizationCurrentCost',
    method: 'GET',
    path: '/organization/{organizationId}/currentCost',
    roles: EVERYONE,
    success: 200,
    mutates: false,
    response: currentCostSchema,
  },
  {
    id: 'getClusterCurrentCost',
    method: 'GET',
    path: '/organization/{organizationId}/cluster/{clusterId}/currentCost',
    roles: EVERYONE,
    success: 200,
    mutates: false,
    response: costRangeSchema,
  },
  {
    id: 'getOrganizationBillingStatus',
    method: 'GET',
    path: '/organization/{organizationId}/billingStatus',
    roles: EVERYONE,
    success: 200,
    mutates: false,
    response: billingStatusSchema,
  },
  {
    id: 'addCreditCode',
    method: 'POST',
    path: '/organization/{organizationId}/creditCode',
    roles: EVERYONE,
    success: 200,
    mutates: true,
    body: () => ({ code: 'WELCOME100' }),
    invalidBody: { code: 'NO-SUCH-CODE' },
    extension: creditCodeAnswerSchema,
  },
  {
    id: 'changePlan',
    method: 'POST',
    path: '/organization/{organizationId}/changePlan',
    roles: ADMIN,
    success: 200,
    mutates: true,
    body: () => ({ plan: 'BUSINESS_2025' }),
    invalidBody: { plan: 'FREE' },
    response: organizationSchema,
  },
  {
    id: 'getOrganizationBillingInfo',
    method: 'GET',
    path: '/organization/{organizationId}/billingInfo',
    roles: FINANCE,
    success: 200,
    mutates: false,
    response: billingInfoSchema,
  },
  {
    id: 'editOrganizationBillingInfo',
    method: 'PUT',
    path: '/organization/{organizationId}/billingInfo',
    roles: FINANCE,
    success: 200,
    mutates: true,
    body: () => US_BILLING_INFO,
    invalidBody: { ...US_BILLING_INFO, email: 'not-an-email' },
    response: billingInfoSchema,
  },
  {
    id: 'getOrganizationBillingExternalId',
    method: 'GET',
    path: '/organization/{organizationId}/billingExternalId',
    roles: FINANCE,
    success: 200,
    mutates: false,
    response: billingExternalIdSchema,
  },
  {
    id: 'generateBillingUsageReport',
    method: 'POST',
    path: '/organization/{organizationId}/billingUsageReport',
    roles: FINANCE,
    success: 200,
    mutates: true,
    body: (now) => ({
      from: new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString(),
      to: now.toISOString(),
      report_expiration_in_seconds: 3600,
    }),
    invalidBody: { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z', report_expiration_in_seconds: 3600 },
    response: usageReportResponseSchema,
  },
  { id: 'listOrganizationInvoice', method: 'GET', path: '/organization/{organizationId}/invoice', roles: FINANCE, success: 200, mutates: false, response: invoiceListSchema },
  {
    id: 'getOrganizationInvoice',
    method: 'GET',
    path: '/organization/{organizationId}/invoice/{invoiceId}',
    roles: FINANCE,
    success: 200,
    mutates: false,
    response: invoiceSchema,
  },
  {
    id: 'getOrganizationInvoicePDF',
    method: 'GET',
    path: '/organization/{organizationId}/invoice/{invoiceId}/download',
    roles: FINANCE,
    success: 200,
    mutates: false,
    response: linkSchema,
  },
  { id: 'organizationDownloadAllInvoices', method: 'POST', path: '/organization/{organizationId}/downloadInvoices', roles: FINANCE, success: 202, mutates: true },
  {
    id: 'getOrganizationEvents',
    method: 'GET',
    path: '/organization/{organizationId}/events',
    roles: FINANCE,
    success: 200,
    mutates: false,
    response: organizationEventListSchema,
  },
  {
    id: 'listOrganizationCreditCards',
    method: 'GET',
    path: '/organization/{organizationId}/creditCard',
    roles: FINANCE,
    success: 200,
    mutates: false,
    response: creditCardListSchema,
  },
  {
    id: 'addCreditCard',
    method: 'POST',
    path: '/organization/{organizationId}/creditCard',
    roles: FINANCE,
    success: 201,
    mutates: true,
    body: (now) => validCard(now),
    invalidBody: { number: '4242424242424241', cvv: '123', expiry_month: 12, expiry_year: 2099 },
    response: creditCardSchema,
  },
  { id: 'deleteCreditCard', method: 'DELETE', path: '/organization/{organizationId}/creditCard/{creditCardId}', roles: FINANCE, success: 204, mutates: true },
];

/** Each demo user's role per organization (DESIGN.md, "Sandbox data and roles"); absent: not a member. */
export const MEMBERSHIPS: Record<TokenName, Partial<Record<OrgName, Role>>> = {
  adminAcme: { acme: 'admin', globex: 'viewer' },
  billingAcme: { acme: 'billing_manager' },
  viewerAcme: { acme: 'viewer' },
  adminGlobex: { globex: 'admin' },
};

/** Seeded resources, plus the Globex invoice and card that `addGlobexFixtures` creates. */
export const RESOURCES: Record<OrgName, { clusterId: string; invoiceId: string; creditCardId: string }> = {
  acme: {
    clusterId: stableUuid('cluster:acme:production-eu'),
    invoiceId: stableUuid('invoice:acme:monthly:0'),
    creditCardId: stableUuid('card:acme:visa'),
  },
  globex: {
    clusterId: stableUuid('cluster:globex:demo'),
    invoiceId: stableUuid('test:invoice:globex'),
    creditCardId: stableUuid('test:card:globex'),
  },
};

/**
 * Globex is seeded with no invoice and no card, and no operation creates an invoice: the matrix
 * needs one of each to tell "allowed" (200/204) from "not found" on Globex.
 */
export function addGlobexFixtures(db: Db, now: Date): void {
  const created = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  db.prepare(
    `INSERT INTO invoices (id, organization_id, created_at, due_at, period_start, period_end, status,
      currency_code, subtotal_cents, tax_rate_bp, tax_cents, total_in_cents)
    VALUES (?, ?, ?, ?, ?, ?, 'PAID', 'USD', 10000, 2000, 2000, 12000)`,
  ).run(RESOURCES.globex.invoiceId, ORGS.globex, created, created, created, created);
  db.prepare(
    `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_amount_cents, amount_cents)
    VALUES (?, 1, 'Test line', 1, 10000, 10000)`,
  ).run(RESOURCES.globex.invoiceId);
  db.prepare(
    `INSERT INTO credit_cards (id, organization_id, brand, last4, expiry_month, expiry_year, created_at)
    VALUES (?, ?, 'VISA', '1111', 12, ?, ?)`,
  ).run(RESOURCES.globex.creditCardId, ORGS.globex, now.getUTCFullYear() + 2, created);
}

/** The operation's concrete URL for an organization's seeded resources, or with the given ids. */
export function operationUrl(operation: Operation, org: OrgName, ids: Partial<(typeof RESOURCES)[OrgName]> & { organizationId?: string } = {}): string {
  const values = { organizationId: ORGS[org], ...RESOURCES[org], ...ids };
  return `/api${operation.path
    .replace('{organizationId}', values.organizationId)
    .replace('{clusterId}', values.clusterId)
    .replace('{invoiceId}', values.invoiceId)
    .replace('{creditCardId}', values.creditCardId)}`;
}

export function isOrganizationScoped(operation: Operation): boolean {
  return operation.path.includes('{organizationId}');
}

export function operation(id: string): Operation {
  const found = OPERATIONS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`Unknown operation ${id}`);
  return found;
}
