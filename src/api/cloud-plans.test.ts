import { describe, expect, it } from 'vitest';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { ApiError } from './api-error';
import { CLOUD_PLANS_BASE } from './cloud-plans';
import { getCloudPlansPaymentLink, updateCloudPlansSubscription } from './cloud-plans-updates';
import { describeCloudPlansBilling, listCloudPlansBillingHistory } from './cloud-plans-reads';

const server = setupSandboxServer();

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('Cloud Plans envelopes', () => {
  it('reads a failure the envelope states inside an HTTP 200, with its status and message', async () => {
    server.replyNext(`${CLOUD_PLANS_BASE}/describe`, { status: 500, message: 'Billing backend unavailable' });
    const error = await failure(describeCloudPlansBilling(ORG_IDS.acme));
    expect(error.status).toBe(500);
    expect(error.message).toBe('Billing backend unavailable');

    server.replyNext(`${CLOUD_PLANS_BASE}/history`, { status: 403, billing_history: [] });
    expect(await failure(listCloudPlansBillingHistory(ORG_IDS.acme))).toMatchObject({ status: 403, message: 'Your role does not allow this.' });
  });

  it('does not take a failed update or a failed link for a success', async () => {
    server.replyNext(`${CLOUD_PLANS_BASE}/update`, { status: 500 });
    expect(await failure(updateCloudPlansSubscription(ORG_IDS.acme, 6))).toMatchObject({ status: 500, message: 'The server had a problem. Try again in a moment.' });

    server.replyNext(`${CLOUD_PLANS_BASE}/update`, { status: 402, response: 'https://checkout.example/abandoned', message: 'Card declined' });
    expect(await failure(getCloudPlansPaymentLink(ORG_IDS.acme, 3))).toMatchObject({ status: 402, message: 'Card declined' });
  });

  it('still parses a 2xx envelope with its schema', async () => {
    const described = await describeCloudPlansBilling(ORG_IDS.acme);
    expect(described.status).toBe(200);
    expect(described.response.organization.name).toBe('Acme Corp');
    server.replyNext(`${CLOUD_PLANS_BASE}/describe`, { status: 200 });
    const mismatch = await failure(describeCloudPlansBilling(ORG_IDS.acme));
    expect(mismatch.status).toBe(0);
    expect(mismatch.message).toMatch(/does not match the contract/);
  });
});
