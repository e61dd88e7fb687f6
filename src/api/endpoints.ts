import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import type { BillingInfoRequest } from './billing-info';
import { billingHistoryResponseSchema, CLOUD_PLANS_BASE, cloudPlansEnvelopeSchema, describeBillingResponseSchema } from './cloud-plans';
import { fallbackMessage, parseAnswer, request, requestJson, requestWithoutBody, type Credentials, type RequestOptions } from './client';
import {
  billingExternalIdSchema,
  billingInfoSchema,
  billingStatusSchema,
  clusterListSchema,
  costRangeSchema,
  creditCardListSchema,
  creditCardSchema,
  currentCostSchema,
  invoiceListSchema,
  invoiceSchema,
  linkSchema,
  organizationListSchema,
  organizationSchema,
  usageReportResponseSchema,
} from './contract';
import type { CreditCardRequest } from './credit-card';
import type { ChangePlanRequest } from './plan-change';
import type { UsageReportRequest } from './usage-report';

/** One fetcher per operation of the Qovery Billing contract, served under /api. */

export const org = (organizationId: string) => `/api/organization/${encodeURIComponent(organizationId)}`;

export const listOrganizations = (signal?: AbortSignal, credentials?: Credentials) =>
  request('/api/organization', organizationListSchema, { signal, credentials });

export const getOrganization = (organizationId: string, signal?: AbortSignal) =>
  request(org(organizationId), organizationSchema, { signal });

export const listOrganizationClusters = (organizationId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/cluster`, clusterListSchema, { signal });

export const getClusterCurrentCost = (organizationId: string, clusterId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/cluster/${encodeURIComponent(clusterId)}/currentCost`, costRangeSchema, { signal });

export const getOrganizationCurrentCost = (organizationId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/currentCost`, currentCostSchema, { signal });

export const getOrganizationBillingStatus = (organizationId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/billingStatus`, billingStatusSchema, { signal });

export const getOrganizationBillingInfo = (organizationId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/billingInfo`, billingInfoSchema, { signal });

export const editOrganizationBillingInfo = (organizationId: string, body: BillingInfoRequest) =>
  request(`${org(organizationId)}/billingInfo`, billingInfoSchema, { method: 'PUT', body });

export const getOrganizationBillingExternalId = (organizationId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/billingExternalId`, billingExternalIdSchema, { signal });

// Every POST that creates or charges takes the action's Idempotency-Key (src/lib/use-action-key.ts).

export const generateBillingUsageReport = (organizationId: string, body: UsageReportRequest, idempotencyKey?: string) =>
  request(`${org(organizationId)}/billingUsageReport`, usageReportResponseSchema, { method: 'POST', body, idempotencyKey });

export const changePlan = (organizationId: string, body: ChangePlanRequest, idempotencyKey?: string) =>
  request(`${org(organizationId)}/changePlan`, organizationSchema, { method: 'POST', body, idempotencyKey });

export const listOrganizationCreditCards = (organizationId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/creditCard`, creditCardListSchema, { signal });

/** The Idempotency-Key makes a repeated submit of the same form add one card, not two. */
export const addCreditCard = (organizationId: string, body: CreditCardRequest, idempotencyKey: string) =>
  request(`${org(organizationId)}/creditCard`, creditCardSchema, { method: 'POST', body, idempotencyKey });

export const deleteCreditCard = (organizationId: string, creditCardId: string) =>
  requestWithoutBody(`${org(organizationId)}/creditCard/${encodeURIComponent(creditCardId)}`, { method: 'DELETE' });

export const listOrganizationInvoices = (organizationId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/invoice`, invoiceListSchema, { signal });

export const getOrganizationInvoice = (organizationId: string, invoiceId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/invoice/${encodeURIComponent(invoiceId)}`, invoiceSchema, { signal });

export const getOrganizationInvoicePdf = (organizationId: string, invoiceId: string, signal?: AbortSignal) =>
  request(`${org(organizationId)}/invoice/${encodeURIComponent(invoiceId)}/download`, linkSchema, { signal });

export const downloadAllInvoices = (organizationId: string, idempotencyKey?: string) =>
  requestWithoutBody(`${org(organizationId)}/downloadInvoices`, { method: 'POST', idempotencyKey });

/** The Cloud Plans Billing contract's reads, served under /api/v1/organizations/billing (seed 001); its updates: cloud-plans-updates.ts. */

/**
 * Calls a Cloud Plans operation: an envelope whose status is not 2xx is a failure with that status
 * and message, whatever the HTTP status said; a 2xx envelope is parsed with the operation's schema.
 */
export async function cloudPlansRequest<Schema extends z.ZodMiniType>(path: string, schema: Schema, options: RequestOptions = {}): Promise<z.output<Schema>> {
  const payload = await requestJson(path, options);
  const envelope = cloudPlansEnvelopeSchema.safeParse(payload);
  if (envelope.success && (envelope.data.status < 200 || envelope.data.status > 299)) {
    throw new ApiError(envelope.data.status, envelope.data.message ?? fallbackMessage(envelope.data.status));
  }
  return parseAnswer(schema, payload);
}

export const cloudPlansPath = (operation: 'describe' | 'history' | 'update', action: string, query: Record<string, string> = {}) =>
  `${CLOUD_PLANS_BASE}/${operation}?${new URLSearchParams({ action, ...query }).toString()}`;

/** The contract puts org_id in a GET body, which browsers cannot send: the query string carries it. */
export const describeCloudPlansBilling = (organizationId: string, signal?: AbortSignal) =>
  cloudPlansRequest(cloudPlansPath('describe', 'getorganization', { org_id: organizationId }), describeBillingResponseSchema, { signal });

export const listCloudPlansBillingHistory = (organizationId: string, signal?: AbortSignal) =>
  cloudPlansRequest(cloudPlansPath('history', 'list_billing', { org_id: organizationId }), billingHistoryResponseSchema, { signal });
