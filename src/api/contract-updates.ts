import type { BillingInfoRequest } from './billing-info';
import { callOperation } from './client';
import type { CreditCardRequest } from './credit-card';
import { callOperationWithoutBody } from './document-actions';
import * as operations from './operation-actions';
import type { ChangePlanRequest } from './plan-change';
import type { UsageReportRequest } from './usage-report';

/**
 * The Qovery Billing contract's calls a user's action makes, each its row of operation-actions.ts
 * called through callOperation. Apart from endpoints.ts (like credit-code-updates.ts): the first
 * page only reads, and with these apart it loads none of their schemas. The invoice list's two are in
 * document-actions.ts.
 */

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
