import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkResponseSchema } from '#api/cloud-plans';
import { linkSchema, usageReportResponseSchema } from '#api/action-answers';
import { EnvError, readEnv } from '../env';
import { createTestApp, orgPath, ORGS, parsed, type TestApp } from './helpers';

const PUBLIC_URL = 'https://billing.example.com';
const FORGED = { Host: 'evil.example' };

describe('PUBLIC_URL', () => {
  it('defaults to http://localhost:$PORT and must be an http(s) origin', () => {
    expect(readEnv({}).publicUrl).toBe('http://localhost:4173');
    expect(readEnv({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(readEnv({ PUBLIC_URL: 'https://billing.example.com/' }).publicUrl).toBe('https://billing.example.com');
    for (const value of ['billing.example.com', 'ftp://billing.example.com', 'https://billing.example.com/console', 'https://u:p@billing.example.com', 'https://x.test/?a=1']) {
      expect(() => readEnv({ PUBLIC_URL: value }), value).toThrow(EnvError);
      expect(() => readEnv({ PUBLIC_URL: value }), value).toThrow(/^PUBLIC_URL must/);
    }
  });
});

describe('links under a forged Host header', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp({ env: { PUBLIC_URL } });
  });
  afterAll(() => app.close());

  /** What a client sending `Host: evil.example` gets: app.request takes the host from the URL, as Node's adapter does from the header. */
  const forged = (path: string) => `http://${FORGED.Host}${path}`;

  it('an invoice PDF link points to PUBLIC_URL', async () => {
    const list = await app.call('GET', orgPath('acme', 'invoice'));
    const id = /"id":"([0-9a-f-]{36})"/.exec(list.text)?.[1] ?? '';
    const link = parsed(await app.call('GET', forged(orgPath('acme', `invoice/${id}/download`)), { headers: FORGED }), 200, linkSchema);
    expect(link.url.startsWith(`${PUBLIC_URL}/sandbox/invoices/${id}/pdf?`)).toBe(true);
  });

  it('usage report and revoke links point to PUBLIC_URL', async () => {
    const body = { from: '2028-01-01T00:00:00Z', to: '2028-02-01T00:00:00Z', report_expiration_in_seconds: 3600 };
    const report = parsed(await app.call('POST', forged(orgPath('acme', 'billingUsageReport')), { json: body, headers: FORGED }), 200, usageReportResponseSchema);
    expect(report.report_url?.startsWith(`${PUBLIC_URL}/sandbox/usage-reports/`)).toBe(true);
    expect(report.delete_report_url?.startsWith(`${PUBLIC_URL}/sandbox/usage-reports/`)).toBe(true);
  });

  it('Cloud Plans checkout and card-update links, which carry a secret, point to PUBLIC_URL', async () => {
    const update = `/api/v1/organizations/billing/update?action=getupdatecardlink&org_id=${ORGS.acme}`;
    const card = parsed(await app.call('POST', forged(update), { headers: FORGED }), 200, linkResponseSchema);
    expect(card.response).toMatch(new RegExp(`^${PUBLIC_URL}/sandbox/payment-method/[\\w-]{43}$`));
    const checkout = `/api/v1/organizations/billing/update?action=getpaymentlink&org_id=${ORGS.globex}&quantity=2`;
    const pay = parsed(await app.call('POST', forged(checkout), { token: 'adminGlobex', headers: FORGED }), 200, linkResponseSchema);
    expect(pay.response).toMatch(new RegExp(`^${PUBLIC_URL}/sandbox/checkout/[\\w-]{43}$`));
  });
});
