import { linkResponseSchema, statusResponseSchema } from './cloud-plans';
import { cloudPlansPath, cloudPlansRequest } from './cloud-plans-reads';

/**
 * The fetchers of the Cloud Plans update operations (POST /update?action=…). They sit apart from
 * endpoints.ts because only the subscription page uses them: this keeps them out of the first
 * page's bundle, which every loader's reads are part of.
 */

export const getCloudPlansPaymentLink = (organizationId: string, quantity: number, idempotencyKey?: string) =>
  cloudPlansRequest(cloudPlansPath('update', 'getpaymentlink', { org_id: organizationId, quantity: String(quantity) }), linkResponseSchema, {
    method: 'POST',
    idempotencyKey,
  });

export const getCloudPlansUpdateCardLink = (organizationId: string, idempotencyKey?: string) =>
  cloudPlansRequest(cloudPlansPath('update', 'getupdatecardlink'), linkResponseSchema, { method: 'POST', body: { org_id: organizationId }, idempotencyKey });

export const updateCloudPlansSubscription = (organizationId: string, quantity: number, idempotencyKey?: string) =>
  cloudPlansRequest(cloudPlansPath('update', 'updatesubscription'), statusResponseSchema, {
    method: 'POST',
    body: { org_id: organizationId, quantity },
    idempotencyKey,
  });

export const cancelCloudPlansSubscription = (organizationId: string, reason: string, idempotencyKey?: string) =>
  cloudPlansRequest(cloudPlansPath('update', 'cancelsubscription'), statusResponseSchema, {
    method: 'POST',
    body: reason === '' ? { org_id: organizationId } : { org_id: organizationId, reason },
    idempotencyKey,
  });
