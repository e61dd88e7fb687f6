import * as contract from './contract';
import type { Operation } from './operation';

/**
 * The operations of the Qovery Billing contract, one row each: the one place an operation is
 * declared. The client's calls and query options (client.ts, queries.ts), the sandbox's mounting
 * (server/sandbox/operation-routes.ts), the billing gateway (server/gateway) and the README's table
 * (npm run docs:operations) are derived from these rows. docs/architecture.md says how to add one.
 *
 * A row's export name is the spec's operationId. The reads that pages' loaders make are here; the
 * operations a user's action calls (changes, the PDF link) are in operation-actions.ts, so that the
 * first page, whose loaders take this module whole, loads none of their schemas; the whole table is
 * in operation-table.ts.
 */

export const listOrganization = { method: 'GET', path: '/organization', answer: contract.organizationListSchema, permission: null } as const satisfies Operation;
export const getOrganization = {
  method: 'GET',
  path: '/organization/{organizationId}',
  answer: contract.organizationSchema,
  permission: 'organization:read',
} as const satisfies Operation;
export const getOrganizationCurrentCost = {
  method: 'GET',
  path: '/organization/{organizationId}/currentCost',
  answer: contract.currentCostSchema,
  permission: 'organization:read',
  gateway: 'read',
} as const satisfies Operation;
export const getOrganizationBillingStatus = {
  method: 'GET',
  path: '/organization/{organizationId}/billingStatus',
  answer: contract.billingStatusSchema,
  permission: 'organization:read',
  gateway: 'read',
} as const satisfies Operation;
export const getOrganizationBillingInfo = {
  method: 'GET',
  path: '/organization/{organizationId}/billingInfo',
  answer: contract.billingInfoSchema,
  permission: 'billing:read',
  gateway: 'read',
} as const satisfies Operation;
export const getOrganizationBillingExternalId = {
  method: 'GET',
  path: '/organization/{organizationId}/billingExternalId',
  answer: contract.billingExternalIdSchema,
  permission: 'billing:read',
  gateway: 'read',
} as const satisfies Operation;
export const listOrganizationInvoice = {
  method: 'GET',
  path: '/organization/{organizationId}/invoice',
  answer: contract.invoiceListSchema,
  permission: 'billing:read',
  gateway: 'read',
  tool: 'list-organization-invoices',
} as const satisfies Operation;
export const getOrganizationInvoice = {
  method: 'GET',
  path: '/organization/{organizationId}/invoice/{invoiceId}',
  answer: contract.invoiceSchema,
  permission: 'billing:read',
  gateway: 'read',
} as const satisfies Operation;
export const listOrganizationCreditCards = {
  method: 'GET',
  path: '/organization/{organizationId}/creditCard',
  answer: contract.creditCardListSchema,
  permission: 'billing:read',
  gateway: 'read',
} as const satisfies Operation;
