import { requestOptionalJson } from './client';
import { creditCodeAnswerSchema, type CreditCodeAnswer, type CreditCodeRequest } from './credit-code';
import { org } from './endpoints';

/**
 * addCreditCode's fetcher, apart from endpoints.ts (like cloud-plans-updates.ts): only the credit
 * codes page uses it, and with it the code's schemas stay out of the first page's bundle.
 */

/** The amount credited when the backend says it (the sandbox does; the contract declares no body), else null. */
export async function addCreditCode(organizationId: string, body: CreditCodeRequest, idempotencyKey?: string): Promise<CreditCodeAnswer | null> {
  const answer = creditCodeAnswerSchema.safeParse(await requestOptionalJson(`${org(organizationId)}/creditCode`, { method: 'POST', body, idempotencyKey }));
  return answer.success ? answer.data : null;
}
