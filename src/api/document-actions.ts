import { callOperation, send, type OperationOptions } from './client';
import { operationUrl, type Operation, type ParamsOf } from './operation';
import * as operations from './operation-documents';

/**
 * The invoice list's calls (operation-documents.ts): apart from contract-updates.ts, so that the list
 * loads none of the forms' schemas.
 */

/**
 * Calls an operation whose contract declares no answer body (204, 202). Here rather than in
 * client.ts: only actions call such operations, and the first page loads client.ts.
 */
export async function callOperationWithoutBody<Op extends Operation & { answer: null }>(operation: Op, params: ParamsOf<Op>, options: OperationOptions<Op>): Promise<void> {
  await send(operationUrl(operation, params), { ...options, method: operation.method });
}

export const downloadAllInvoices = (organizationId: string, idempotencyKey?: string) =>
  callOperationWithoutBody(operations.organizationDownloadAllInvoices, { organizationId }, { idempotencyKey });

export const getOrganizationInvoicePdf = (organizationId: string, invoiceId: string, signal?: AbortSignal) =>
  callOperation(operations.getOrganizationInvoicePDF, { organizationId, invoiceId }, { signal });
