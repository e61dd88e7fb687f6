import { afterEach, describe, expect, it } from 'vitest';
import { loggablePath } from '../http/logger';
import { createTestApp, orgPath, type TestApp } from './helpers';

const TOKEN = 'cs_secret_9f8e7d6c5b4a39281706f5e4d3c2b1a0';

describe('request log', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('logs method, path and status, with the tokens of hosted checkout links redacted', async () => {
    app = createTestApp({ logLevel: 'info' });
    await app.call('GET', `/sandbox/checkout/${TOKEN}`, { token: null });
    await app.call('POST', `/sandbox/checkout/${TOKEN}`, { token: null, body: 'card=4242424242424242', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    await app.call('GET', `/sandbox/payment-method/${TOKEN}?card=updated`, { token: null });
    await app.call('GET', `/sandbox/Payment-Method/${TOKEN}/extra`, { token: null });
    await app.call('GET', orgPath('acme', 'billingStatus'));

    const lines = app.logs.join('');
    expect(lines).not.toContain(TOKEN);
    // The whole number: a line's random request id may hold "4242" (a UUID's segments are at most 12 characters).
    expect(lines).not.toContain('4242424242424242');
    expect(lines).toMatch(/ info GET \/sandbox\/checkout\/<redacted> \d{3} [\d.]+ms \[[0-9a-f-]{36}\]\n/);
    expect(lines).toMatch(/ info POST \/sandbox\/checkout\/<redacted> \d{3} /);
    expect(lines).toMatch(/ info GET \/sandbox\/payment-method\/<redacted> \d{3} /);
    expect(lines).toMatch(/ info GET \/sandbox\/Payment-Method\/<redacted>\/extra 404 /);
    // Paths without secrets stay as they are, which is what makes the log useful.
    expect(lines).toContain(`GET ${orgPath('acme', 'billingStatus')} 200 `);
  });

  it('redacts the same segments in the error log, which uses the same path', () => {
    expect(loggablePath(`/sandbox/checkout/${TOKEN}`)).toBe('/sandbox/checkout/<redacted>');
    expect(loggablePath(`/sandbox//payment-method//${TOKEN}/x`)).toBe('/sandbox//payment-method//<redacted>/x');
    expect(loggablePath('/sandbox/cloud-plans.css')).toBe('/sandbox/cloud-plans.css');
    expect(loggablePath('/sandbox/checkout')).toBe('/sandbox/checkout');
  });
});
