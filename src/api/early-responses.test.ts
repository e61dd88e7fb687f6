import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { setSession, type Session } from '@/lib/session';
import { ApiError } from './api-error';
import { request } from './client';
import { invoiceListSchema } from './contract';
import { takeEarlyResponse } from './early-responses';
import { operationUrl } from './operation';
import { listOrganizationInvoice } from './operations';

const ORG = '83a4796e-80a5-44ea-9475-d784b2767b04';
/** The path the console asks for the invoice list by: the early script must start the very same request. */
const invoicesPath = operationUrl(listOrganizationInvoice, { organizationId: ORG });
const EARLY_SCRIPT = readFileSync('public/early-requests.js', 'utf8');

function session(role: 'admin' | 'billing_manager' | 'viewer'): Session {
  return {
    scheme: 'Token',
    token: 'sbx_billing_acme',
    sandbox: true,
    user: null,
    memberships: [{ organization_id: ORG, organization_name: 'Acme Corp', role }],
  };
}

/** Runs public/early-requests.js as the browser would, on `path`. */
function runEarlyScript(path: string) {
  window.history.replaceState(null, '', path);
  runInThisContext(EARLY_SCRIPT);
}

function plantEarly(path: string, authorization: string, body: unknown) {
  const response = Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  Reflect.set(window, '__earlyRequests', { [`${authorization} ${path}`]: response });
}

afterEach(() => {
  Reflect.deleteProperty(window, '__earlyRequests');
  setSession(null);
  window.history.replaceState(null, '', '/');
});

describe('the early requests of the invoice list', () => {
  it('start, with the session the console keeps, the requests the console makes for that page', () => {
    setSession(session('billing_manager'));
    runEarlyScript(`/organizations/${ORG}/invoices`);
    // The console's own paths and Authorization header find them: the script and the client agree.
    expect(takeEarlyResponse('/api/organization', 'Token sbx_billing_acme')).toBeInstanceOf(Promise);
    expect(takeEarlyResponse(invoicesPath, 'Token sbx_billing_acme')).toBeInstanceOf(Promise);
    // Each is taken once.
    expect(takeEarlyResponse(invoicesPath, 'Token sbx_billing_acme')).toBeUndefined();
  });

  it('start nothing for a role that may not read invoices, on another page, or signed out', () => {
    setSession(session('viewer'));
    runEarlyScript(`/organizations/${ORG}/invoices`);
    expect(Reflect.get(window, '__earlyRequests')).toBeUndefined();
    setSession(session('admin'));
    runEarlyScript(`/organizations/${ORG}/overview`);
    expect(Reflect.get(window, '__earlyRequests')).toBeUndefined();
    setSession(null);
    runEarlyScript(`/organizations/${ORG}/invoices`);
    expect(Reflect.get(window, '__earlyRequests')).toBeUndefined();
  });

  it('are not handed to a request with other credentials', () => {
    plantEarly(invoicesPath, 'Token sbx_billing_acme', { results: [] });
    expect(takeEarlyResponse(invoicesPath, 'Token sbx_admin_acme')).toBeUndefined();
  });

  it('are parsed with the contract like any answer: a valid list is read, a wrong shape is an error', async () => {
    const invoice = { id: 'inv-1', created_at: '2025-03-01T06:00:00Z', status: 'PAID', total_in_cents: 35880, total: 358.8, currency_code: 'USD' };
    const credentials = { scheme: 'Token', token: 'sbx_billing_acme' } as const;
    plantEarly(invoicesPath, 'Token sbx_billing_acme', { results: [invoice] });
    await expect(request(invoicesPath, invoiceListSchema, { credentials })).resolves.toEqual({ results: [invoice] });

    // The last of 10,000 rows with an amount as text: the whole list is still an error.
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ ...invoice, id: `inv-${i}` }));
    plantEarly(invoicesPath, 'Token sbx_billing_acme', { results: [...rows.slice(0, -1), { ...invoice, total_in_cents: '35880' }] });
    const failure = request(invoicesPath, invoiceListSchema, { credentials });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toThrow(/does not match the contract/);
  });
});
