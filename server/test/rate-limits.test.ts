import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkSchema } from '#api/action-answers';
import { billingStatusSchema } from '#api/contract';
import { createTestApp, errorBody, fieldError, orgPath, parsed, type CallResult, type TestApp } from './helpers';

let app: TestApp | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await app?.close();
  app = undefined;
});

function start(options: Parameters<typeof createTestApp>[0] = {}): TestApp {
  app = createTestApp(options);
  return app;
}

const redeem = (test: TestApp, org: 'acme' | 'globex', token: string, code: string) => test.call('POST', orgPath(org, 'creditCode'), { token, json: { code } });

function retryAfter(result: CallResult): number {
  return Number(result.headers.get('retry-after'));
}

describe('credit code attempts', () => {
  it('after 10 wrong codes in 10 minutes, an organization gets 429 with Retry-After and a message for the field, even for a right code', async () => {
    const test = start();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await redeem(test, 'globex', 'adminGlobex', `WRONG${attempt}`)).status, `attempt ${attempt}`).toBe(400);
    }
    const refused = await redeem(test, 'globex', 'adminGlobex', 'WELCOME100');
    const body = errorBody(refused, 429);
    expect(body.message).toBe('Too many wrong credit codes for this organization (10 in 10 minutes): try again in 10 minutes.');
    expect(fieldError(body, 'code')).toBe(body.message);
    // Coded, for the console to say it in its language.
    expect(body.errors).toEqual([{ field: 'code', message: body.message, code: 'code.too_many_wrong', params: { who: 'organization', count: 10, unit: 'minutes', wait: 10 } }]);
    expect(retryAfter(refused)).toBeGreaterThan(590);
    expect(retryAfter(refused)).toBeLessThanOrEqual(600);
    // The right code was not tried: Globex is still without credit.
    expect(parsed(await test.call('GET', orgPath('globex', 'billingStatus'), { token: 'adminGlobex' }), 200, billingStatusSchema).is_valid).toBe(false);
  });

  it('counts per organization whoever tries, and per token whatever organization', async () => {
    const test = start();
    for (let attempt = 0; attempt < 10; attempt += 1) await redeem(test, 'acme', 'viewerAcme', `NOPE${attempt}`);
    expect(errorBody(await redeem(test, 'acme', 'billingAcme', 'NOPE'), 429).message).toMatch(/^Too many wrong credit codes for this organization/);

    // Acme's admin is a viewer of Globex: five tries there and five on Acme's blocked count make ten for the token.
    const other = start();
    for (let attempt = 0; attempt < 5; attempt += 1) await redeem(other, 'globex', 'adminAcme', `NOPE${attempt}`);
    for (let attempt = 0; attempt < 5; attempt += 1) await redeem(other, 'acme', 'adminAcme', `NOPE${attempt}`);
    expect(errorBody(await redeem(other, 'globex', 'adminAcme', 'NOPE'), 429).message).toMatch(/^Too many wrong credit codes from your account/);
    // Globex's own admin, another token, has 5 failures left there.
    expect((await redeem(other, 'globex', 'adminGlobex', 'NOPE')).status).toBe(400);
    await test.close();
  });

  it('does not count codes that worked, and lets the organization try again once the window is over', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const test = start();
    for (let attempt = 0; attempt < 9; attempt += 1) await redeem(test, 'acme', 'adminAcme', `NOPE${attempt}`);
    expect((await redeem(test, 'acme', 'adminAcme', 'WELCOME100')).status).toBe(200);
    expect((await redeem(test, 'acme', 'adminAcme', 'NOPE9')).status).toBe(400);
    expect((await redeem(test, 'acme', 'adminAcme', 'PARTNER250')).status).toBe(429);
    vi.advanceTimersByTime(10 * 60 * 1000);
    expect((await redeem(test, 'acme', 'adminAcme', 'PARTNER250')).status).toBe(200);
  });

  it('holds against parallel guesses: 50 at once, at most 10 are tried', async () => {
    const test = start();
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => redeem(test, 'acme', 'viewerAcme', `PARALLEL${index}`)));
    expect(results.filter((result) => result.status === 400)).toHaveLength(10);
    expect(results.filter((result) => result.status === 429)).toHaveLength(40);
  });
});

describe('requests per token', () => {
  it('are generous: 600 in a minute pass', async () => {
    const test = start();
    for (let request = 0; request < 600; request += 1) {
      const result = await test.call('GET', orgPath('acme', 'billingStatus'));
      if (result.status !== 200) throw new Error(`request ${request}: ${result.status}`);
    }
  });

  it('past the limit are 429 with Retry-After, for that token only', async () => {
    const test = start({ rateLimits: { requestsPerMinute: 5 } });
    for (let request = 0; request < 5; request += 1) expect((await test.call('GET', orgPath('acme', 'billingStatus'))).status).toBe(200);
    const refused = await test.call('GET', orgPath('acme', 'billingStatus'));
    expect(errorBody(refused, 429).message).toMatch(/^Too many requests with this token \(more than 5 a minute\): try again in \d+ seconds?\.$/);
    expect(retryAfter(refused)).toBeGreaterThan(0);
    expect(retryAfter(refused)).toBeLessThanOrEqual(60);
    expect((await test.call('GET', orgPath('acme', 'billingStatus'), { token: 'billingAcme' })).status).toBe(200);
    const cloudPlans = await test.call('GET', `/api/v1/organizations/billing/describe?action=getorganization&org_id=${'83a4796e-80a5-44ea-9475-d784b2767b04'}`);
    expect(cloudPlans.status).toBe(429);
  });
});

describe('expensive operations per organization', () => {
  it('download-all: 10 an hour, then 429 with Retry-After; a stranger cannot use up the organization’s', async () => {
    const test = start();
    for (let request = 0; request < 5; request += 1) expect((await test.call('POST', orgPath('acme', 'downloadInvoices'), { token: 'adminGlobex' })).status).toBe(404);
    for (let request = 0; request < 10; request += 1) expect((await test.call('POST', orgPath('acme', 'downloadInvoices'), { token: 'billingAcme' })).status).toBe(202);
    const refused = await test.call('POST', orgPath('acme', 'downloadInvoices'), { token: 'adminAcme' });
    expect(errorBody(refused, 429).message).toBe('This organization asked for more than 10 invoice emails in an hour: try again in 60 minutes.');
    expect(retryAfter(refused)).toBeGreaterThan(3500);
    // Another organization has its own count.
    expect((await test.call('POST', orgPath('globex', 'downloadInvoices'), { token: 'adminGlobex' })).status).toBe(202);
  });

  it('usage reports: 60 an hour', async () => {
    const test = start();
    const body = { from: '2028-01-01T00:00:00Z', to: '2028-02-01T00:00:00Z', report_expiration_in_seconds: 3600 };
    for (let request = 0; request < 60; request += 1) expect((await test.call('POST', orgPath('acme', 'billingUsageReport'), { json: body })).status).toBe(200);
    const refused = await test.call('POST', orgPath('acme', 'billingUsageReport'), { json: body });
    expect(errorBody(refused, 429).message).toMatch(/^This organization asked for more than 60 usage reports in an hour/);
    expect(retryAfter(refused)).toBeGreaterThan(0);
  });

  it('PDF links, per organization', async () => {
    const test = start({ rateLimits: { pdfLinksPer10Minutes: 3 } });
    const list = await test.call('GET', orgPath('acme', 'invoice'));
    const id = /"id":"([0-9a-f-]{36})"/.exec(list.text)?.[1] ?? '';
    for (let request = 0; request < 3; request += 1) parsed(await test.call('GET', orgPath('acme', `invoice/${id}/download`)), 200, linkSchema);
    const refused = await test.call('GET', orgPath('acme', `invoice/${id}/download`), { token: 'billingAcme' });
    expect(errorBody(refused, 429).message).toMatch(/^This organization asked for more than 3 invoice PDF links in 10 minutes/);
  });
});
