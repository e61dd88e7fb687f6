import { linkResponseSchema, statusResponseSchema } from './cloud-plans';
import type { CloudPlansOperation } from './cloud-plans-operation';
import { organizationRequestSchema } from './cloud-plans-organization-request';
import { cancelSubscriptionRequestSchema, quantityRequestSchema } from './cloud-plans-requests';

/**
 * The rows of the Cloud Plans table (cloud-plans-operations.ts) that a user's action calls, all at
 * POST /update: apart from the reads so that only the subscription page's module loads them.
 */

export const getpaymentlink = {
  method: 'POST',
  path: '/v1/organizations/billing/update',
  action: 'getpaymentlink',
  sends: 'query',
  request: quantityRequestSchema,
  answer: linkResponseSchema,
  permission: 'subscription:manage',
  description: 'Create a subscription: the link to the hosted checkout',
} as const satisfies CloudPlansOperation;

export const getupdatecardlink = {
  method: 'POST',
  path: '/v1/organizations/billing/update',
  action: 'getupdatecardlink',
  sends: 'body',
  request: organizationRequestSchema,
  answer: linkResponseSchema,
  permission: 'subscription:update-card',
  description: 'Change the payment method: the link to the hosted update-card page',
} as const satisfies CloudPlansOperation;

export const updatesubscription = {
  method: 'POST',
  path: '/v1/organizations/billing/update',
  action: 'updatesubscription',
  sends: 'body',
  request: quantityRequestSchema,
  answer: statusResponseSchema,
  permission: 'subscription:manage',
  description: 'Change the number of instances',
} as const satisfies CloudPlansOperation;

export const cancelsubscription = {
  method: 'POST',
  path: '/v1/organizations/billing/update',
  action: 'cancelsubscription',
  sends: 'body',
  request: cancelSubscriptionRequestSchema,
  answer: statusResponseSchema,
  permission: 'subscription:manage',
  description: 'Cancel the subscription, with an optional reason',
} as const satisfies CloudPlansOperation;
