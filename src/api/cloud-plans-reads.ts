import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import { cloudPlansEnvelopeSchema } from './cloud-plans';
import { cloudPlansUrl, type CloudPlansAnswerOf, type CloudPlansOperation, type CloudPlansRequestOf } from './cloud-plans-operation';
import { getorganization, list_billing } from './cloud-plans-operations';
import { fallbackMessage, parseAnswer, requestJson, type RequestOptions } from './client';

/**
 * The Cloud Plans Billing contract's client: callCloudPlans, and the reads' fetchers, each its row
 * (cloud-plans-operations.ts); the updates' fetchers are in cloud-plans-updates.ts.
 */

/**
 * Calls a Cloud Plans operation: an envelope whose status is not 2xx is a failure with that status
 * and message, whatever the HTTP status said; a 2xx envelope is parsed with the operation's schema.
 */
async function cloudPlansRequest<Schema extends z.ZodMiniType>(path: string, schema: Schema, options: RequestOptions): Promise<z.output<Schema>> {
  const payload = await requestJson(path, options);
  const envelope = cloudPlansEnvelopeSchema.safeParse(payload);
  if (envelope.success && (envelope.data.status < 200 || envelope.data.status > 299)) {
    throw new ApiError(envelope.data.status, envelope.data.message ?? fallbackMessage(envelope.data.status));
  }
  return parseAnswer(schema, payload);
}

/** What a call sends besides its request: its method, address and body come from the row. */
export type CloudPlansOptions = Omit<RequestOptions, 'method' | 'body'>;

/** Calls a row of the Cloud Plans table with its request, in the query string or the body as the row says. */
export function callCloudPlans<Op extends CloudPlansOperation>(operation: Op, request: CloudPlansRequestOf<Op>, options: CloudPlansOptions = {}): Promise<CloudPlansAnswerOf<Op>> {
  return cloudPlansRequest<Op['answer']>(cloudPlansUrl(operation, request), operation.answer, {
    ...options,
    method: operation.method,
    body: operation.sends === 'body' ? request : undefined,
  });
}

export const describeCloudPlansBilling = (organizationId: string, signal?: AbortSignal) => callCloudPlans(getorganization, { org_id: organizationId }, { signal });

export const listCloudPlansBillingHistory = (organizationId: string, signal?: AbortSignal) => callCloudPlans(list_billing, { org_id: organizationId }, { signal });
