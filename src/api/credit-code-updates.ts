import { send, type RequestOptions } from './client';
import { creditCodeAnswerSchema, type CreditCodeAnswer, type CreditCodeRequest } from './credit-code';
import { addCreditCode as operation } from './operation-actions';
import { operationUrl } from './operation';

/**
 * addCreditCode's fetcher, apart from endpoints.ts (like cloud-plans-updates.ts): only the credit
 * codes page uses it, and with it the code's schemas stay out of the first page's bundle.
 */

/**
 * For an answer the contract declares empty but a backend may fill (addCreditCode: the sandbox says
 * the amount credited): its JSON when there is some, else null. Nothing is promised about such a
 * body, so one that is not JSON is not an error either.
 */
async function requestOptionalJson(path: string, options: RequestOptions): Promise<unknown> {
  const text = await (await send(path, options)).text();
  try {
    const body: unknown = text === '' ? null : JSON.parse(text);
    return body;
  } catch {
    return null;
  }
}

/** The amount credited when the backend says it (the sandbox does; the contract declares no body), else null. */
export async function addCreditCode(organizationId: string, body: CreditCodeRequest, idempotencyKey?: string): Promise<CreditCodeAnswer | null> {
  const path = operationUrl(operation, { organizationId });
  const answer = creditCodeAnswerSchema.safeParse(await requestOptionalJson(path, { method: operation.method, body, idempotencyKey }));
  return answer.success ? answer.data : null;
}
