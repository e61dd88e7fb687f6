import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import { billingHistoryResponseSchema, CLOUD_PLANS_BASE, cloudPlansEnvelopeSchema, describeBillingResponseSchema } from './cloud-plans';
import { callOperation, fallbackMessage, parseAnswer, requestJson, type Credentials, type RequestOptions } from './client';
import * as operations from './operations';

/**
 * The Qovery Billing contract's reads under the names and argument orders the features use (its
 * updates: contract-updates.ts); each is its operation's row (src/api/operations.ts) called through
 * callOperation, which builds the path and parses the answer. A new read needs no line here: its
 * query option (queries.ts) calls its row.
 */

export const listOrganizations = (signal?: AbortSignal, credentials?: Credentials) =>
  callOperation(operations.listOrganization, {}, { signal, credentials });

export const getOrganization = (organizationId: string, signal?: AbortSignal) =>
  callOperation(operations.getOrganization, { organizationId }, { signal });

export const listOrganizationClusters = (organizationId: string, signal?: AbortSignal) =>
  callOperation(operations.listOrganizationCluster, { organizationId }, { signal });

export const getClusterCurrentCost = (organizationId: string, clusterId: string, signal?: AbortSignal) =>
  callOperation(operations.getClusterCurrentCost, { organizationId, clusterId }, { signal });

export const getOrganizationCurrentCost = (organizationId: string, signal?: AbortSignal) =>
  callOperation(operations.getOrganizationCurrentCost, { organizationId }, { signal });

export const getOrganizationBillingStatus = (organizationId: string, signal?: AbortSignal) =>
  callOperation(operations.getOrganizationBillingStatus, { organizationId }, { signal });

export const getOrganizationBillingInfo = (organizationId: string, signal?: AbortSignal) =>
  callOperation(operations.getOrganizationBillingInfo, { organizationId }, { signal });

export const getOrganizationBillingExternalId = (organizationId: string, signal?: AbortSignal) =>
  callOperation(operations.getOrganizationBillingExternalId, { organizationId }, { signal });

export const listOrganizationCreditCards = (organizationId: string, signal?: AbortSignal) =>
  callOperation(operations.listOrganizationCreditCards, { organizationId }, { signal });

export const listOrganizationInvoices = (organizationId: string, signal?: AbortSignal) =>
  callOperation(operations.listOrganizationInvoice, { organizationId }, { signal });

export const getOrganizationInvoice = (organizationId: string, invoiceId: string, signal?: AbortSignal) =>
  callOperation(operations.getOrganizationInvoice, { organizationId, invoiceId }, { signal });

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
