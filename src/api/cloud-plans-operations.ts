import { billingHistoryResponseSchema, describeBillingResponseSchema } from './cloud-plans';
import type { CloudPlansOperation } from './cloud-plans-operation';
import { organizationRequestSchema } from './cloud-plans-organization-request';

/**
 * The operations of the Cloud Plans Billing contract (seed 001), one row each: the one place an
 * operation is declared. The console's calls (cloud-plans-reads.ts, cloud-plans-updates.ts), the
 * sandbox's dispatch (server/sandbox/cloud-plans/action-routes.ts) and the README's Cloud Plans table
 * (npm run docs:operations) are derived from these rows. A row's export name is its action.
 *
 * The reads are here, for the subscription page's loader; the updates are in
 * cloud-plans-update-operations.ts, so that their request schemas load with the subscription page's
 * module, not with the loaders; the whole table, in the seed's order, is in cloud-plans-table.ts.
 */

export const getorganization = {
  method: 'GET',
  path: '/v1/organizations/billing/describe',
  action: 'getorganization',
  sends: 'query',
  request: organizationRequestSchema,
  answer: describeBillingResponseSchema,
  permission: 'subscription:read',
  description: 'Describe billing: the organization, its subscription and card',
} as const satisfies CloudPlansOperation;

export const list_billing = {
  method: 'GET',
  path: '/v1/organizations/billing/history',
  action: 'list_billing',
  sends: 'query',
  request: organizationRequestSchema,
  answer: billingHistoryResponseSchema,
  permission: 'subscription:read',
  description: 'Billing history, newest first',
} as const satisfies CloudPlansOperation;
