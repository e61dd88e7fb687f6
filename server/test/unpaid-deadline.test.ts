import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingStatusSchema, invoiceListSchema } from '#api/contract';
import { daysLeft, unpaidDeadline } from '#api/unpaid-grace';
import { createTestApp, orgPath, parsed, type TestApp } from './helpers';

describe('the unpaid-invoice deadline the console shows', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp();
  });
  afterEach(() => app.close());

  it('is when the sandbox turns billing invalid, with the days left its message gives', async () => {
    const { results = [] } = parsed(await app.call('GET', orgPath('acme', 'invoice'), { token: 'billingAcme' }), 200, invoiceListSchema);
    const [oldest] = results.filter((invoice) => invoice.status === 'NOT_PAID').sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
    if (!oldest) throw new Error('Acme has no NOT_PAID invoice');
    const deadline = unpaidDeadline(oldest.created_at);
    const status = async () => parsed(await app.call('GET', orgPath('acme', 'billingStatus'), { token: 'billingAcme' }), 200, billingStatusSchema);

    const days = daysLeft(deadline, app.clock.now());
    expect(days).toBeGreaterThan(0);
    expect((await status()).message).toContain(`billing becomes invalid in ${days} day${days === 1 ? '' : 's'}`);

    app.clock.set(new Date(deadline.getTime() - 60_000));
    expect(await status()).toMatchObject({ is_valid: true });
    expect(daysLeft(deadline, app.clock.now())).toBe(1);
    app.clock.set(new Date(deadline.getTime() + 60_000));
    expect(await status()).toMatchObject({ is_valid: false });
    expect(daysLeft(deadline, app.clock.now())).toBe(0);
  });
});
