import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import { billingHistoryResponseSchema, CLOUD_PLANS_BASE, cloudPlansEnvelopeSchema, describeBillingResponseSchema } from './cloud-plans';
import { fallbackMessage, parseAnswer, requestJson, type RequestOptions } from './client';

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
