import { afterEach, describe, expect, it } from 'vitest';
import { countRows, createTestApp, errorBody, orgPath, type TestApp } from './helpers';

describe('POST /sandbox/reset', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function addMail(testApp: TestApp) {
    expect((await testApp.call('POST', orgPath('acme', 'downloadInvoices'))).status).toBe(202);
    await testApp.sandbox.mailer.idle();
  }

  it('is off unless SANDBOX_RESET_ENDPOINT=1', async () => {
    app = createTestApp();
    errorBody(await app.call('POST', '/sandbox/reset', { token: null, json: {} }), 404);
  });

  it('resets the demo data for a JSON request', async () => {
    app = createTestApp({ env: { SANDBOX_RESET_ENDPOINT: '1' } });
    await addMail(app);
    expect(countRows(app.db, 'outbox')).toBe(1);
    const reset = await app.call('POST', '/sandbox/reset', { token: null, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(reset.status).toBe(204);
    expect(countRows(app.db, 'outbox')).toBe(0);
  });

  it.each([
    ['a bare POST', {}, undefined],
    ['a form post', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1'],
    ['a multipart form', { 'Content-Type': 'multipart/form-data; boundary=x' }, '--x--'],
    ['a text/plain form', { 'Content-Type': 'text/plain' }, '{}'],
    ['a look-alike type', { 'Content-Type': 'application/jsonx' }, '{}'],
  ])('refuses %s, which a cross-site form or a simple request can send', async (_why, headers, body) => {
    app = createTestApp({ env: { SANDBOX_RESET_ENDPOINT: '1' } });
    await addMail(app);
    const refused = errorBody(await app.call('POST', '/sandbox/reset', { token: null, headers, body }), 415);
    expect(refused.message).toBe('POST /sandbox/reset needs Content-Type: application/json');
    expect(countRows(app.db, 'outbox')).toBe(1);
  });
});
