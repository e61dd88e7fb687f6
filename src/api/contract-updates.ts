import type { BillingInfoRequest } from './billing-info';
import { callOperation, send, type OperationOptions } from './client';
import type { CreditCardRequest } from './credit-card';
import { operationUrl, type Operation, type ParamsOf } from './operation';
import * as operations from './operation-actions';
import type { ChangePlanRequest } from './plan-change';
import type { UsageReportRequest } from './usage-report';

/**
 * The Qovery Billing contract's calls a user's action makes, each its row of operation-actions.ts
 * called through callOperation. Apart from endpoints.ts (like credit-code-updates.ts): the first
 * page only reads, and with these apart it loads none of their schemas.
 */

/**
 * Calls an operation whose contract declares no answer body (204, 202). Here rather than in
 * client.ts: only actions call such operations, and the first page loads client.ts.
 */
async function callOperationWithoutBody<Op extends Operation & { answer: null }>(operation: Op, params: ParamsOf<Op>, options: OperationOptions<Op>): Promise<void> {
  await send(operationUrl(operation, params), { ...options, method: operation.method });
}

export const editOrganizationBillingInfo = (organizationId: string, body: BillingInfoRequest) =>
  callOperation(operations.editOrganizationBillingInfo, { organizationId }, { body });

// Every POST that creates or charges takes the action's Idempotency-Key (src/lib/use-action-key.ts).

export const generateBillingUsageReport = (organizationId: string, body: UsageReportRequest, idempotencyKey?: string) =>
  callOperation(operations.generateBillingUsageReport, { organizationId }, { body, idempotencyKey });

export const changePlan = (organizationId: string, body: ChangePlanRequest, idempotencyKey?: string) =>
  callOperation(operations.changePlan, { organizationId }, { body, idempotencyKey });

/** The Idempotency-Key makes a repeated submit of the same form add one card, not two. */
export const addCreditCard = (organizationId: string, body: CreditCardRequest, idempotencyKey: string) =>
  callOperation(operations.addCreditCard, { organizationId }, { body, idempotencyKey });

export const deleteCreditCard = (organizationId: string, creditCardId: string) => callOperationWithoutBody(operations.deleteCreditCard, { organizationId, creditCardId }, {});

export const downloadAllInvoices = (organizationId: string, idempotencyKey?: string) =>
  callOperationWithoutBody(operations.organizationDownloadAllInvoices, { organizationId }, { idempotencyKey });

export const getOrganizationInvoicePdf = (organizationId: string, invoiceId: string, signal?: AbortSignal) =>
  callOperation(operations.getOrganizationInvoicePDF, { organizationId, invoiceId }, { signal });
