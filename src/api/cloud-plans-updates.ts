import { callCloudPlans } from './cloud-plans-reads';
import * as operations from './cloud-plans-update-operations';

/**
 * The fetchers of the Cloud Plans update operations (POST /update?action=…), each its row of
 * cloud-plans-update-operations.ts called through callCloudPlans. They sit apart from the reads
 * because only the subscription page uses them: this keeps them out of the loaders' chunk.
 */

export const getCloudPlansPaymentLink = (organizationId: string, quantity: number, idempotencyKey?: string) =>
  callCloudPlans(operations.getpaymentlink, { org_id: organizationId, quantity }, { idempotencyKey });

export const getCloudPlansUpdateCardLink = (organizationId: string, idempotencyKey?: string) =>
  callCloudPlans(operations.getupdatecardlink, { org_id: organizationId }, { idempotencyKey });

export const updateCloudPlansSubscription = (organizationId: string, quantity: number, idempotencyKey?: string) =>
  callCloudPlans(operations.updatesubscription, { org_id: organizationId, quantity }, { idempotencyKey });

export const cancelCloudPlansSubscription = (organizationId: string, reason: string, idempotencyKey?: string) =>
  callCloudPlans(operations.cancelsubscription, reason === '' ? { org_id: organizationId } : { org_id: organizationId, reason }, { idempotencyKey });
