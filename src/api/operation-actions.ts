import { billingInfoRequestSchema } from './billing-info';
import { usageReportResponseSchema } from './action-answers';
import { billingInfoSchema, creditCardSchema, organizationSchema } from './contract';
import { creditCardRequestSchema } from './credit-card';
import { creditCodeAnswerSchema, creditCodeRequestSchema } from './credit-code';
import type { Operation } from './operation';
import { changePlanRequestSchema } from './plan-change';
import { usageReportRequestSchema } from './usage-report';

/**
 * The rows of the operation table (operations.ts) that a user's action calls: the changes. Apart from
 * the loaders' reads so that their schemas load with the pages that call them, not with the first
 * page. The invoice list's two actions are in operation-documents.ts.
 */

export const addCreditCode = {
  method: 'POST',
  path: '/organization/{organizationId}/creditCode',
  body: creditCodeRequestSchema,
  answer: null,
  extension: creditCodeAnswerSchema,
  permission: 'credit-code:add',
  gateway: 'write',
} as const satisfies Operation;
export const changePlan = {
  method: 'POST',
  path: '/organization/{organizationId}/changePlan',
  body: changePlanRequestSchema,
  answer: organizationSchema,
  permission: 'plan:change',
  gateway: 'write',
  tool: 'change-organization-plan',
} as const satisfies Operation;
export const editOrganizationBillingInfo = {
  method: 'PUT',
  path: '/organization/{organizationId}/billingInfo',
  body: billingInfoRequestSchema,
  answer: billingInfoSchema,
  permission: 'billing:write',
  gateway: 'idempotent-write',
} as const satisfies Operation;
export const generateBillingUsageReport = {
  method: 'POST',
  path: '/organization/{organizationId}/billingUsageReport',
  body: usageReportRequestSchema,
  answer: usageReportResponseSchema,
  permission: 'billing:read',
  gateway: 'write',
  tool: 'generate-organization-billing-usage-report',
} as const satisfies Operation;
export const addCreditCard = {
  method: 'POST',
  path: '/organization/{organizationId}/creditCard',
  body: creditCardRequestSchema,
  answer: creditCardSchema,
  success: 201,
  permission: 'billing:write',
  gateway: 'write',
} as const satisfies Operation;
export const deleteCreditCard = {
  method: 'DELETE',
  path: '/organization/{organizationId}/creditCard/{creditCardId}',
  answer: null,
  success: 204,
  permission: 'billing:write',
  gateway: 'destructive',
} as const satisfies Operation;
