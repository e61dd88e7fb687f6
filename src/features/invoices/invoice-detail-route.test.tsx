import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { callOperation } from '@/api/client';
import { listOrganizationInvoices } from '@/api/endpoints';
import * as operations from '@/api/operations';
import { invoiceReference } from '@/api/invoice-reference';
import type { Role } from '@/api/permissions';
import { unpaidDeadline } from '@/api/unpaid-grace';
import { formatInstant } from '@/lib/date-format';
import { setFormattingLocale } from '@/lib/locale';
import { formatMinor } from '@/lib/money';
import { renderRoute, signInAs } from '@/test/render';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { TEST_NOW } from '@/test/test-clock';
import { Component as InvoiceDetailPage } from './invoice-detail-route';

const server = setupSandboxServer();

function renderDetail(invoiceId: string, { token = 'sbx_billing_acme', role = 'billing_manager' }: { token?: string; role?: Role } = {}) {
  server.signInAs(token);
  signInAs(token, [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role }]);
  return renderRoute(`/organizations/${ORG_IDS.acme}/invoices/${invoiceId}`, '/organizations/:organizationId/invoices/:invoiceId', <InvoiceDetailPage />);
}

describe('the invoice detail', () => {
  afterEach(() => setFormattingLocale(undefined));

  it('names the currency once: its code beside a bare sign, nothing more where the amount names it', async () => {
    const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
    const dollars = results.find((invoice) => invoice.currency_code === 'USD');
    if (!dollars) throw new Error('Acme has an invoice in dollars');
    const view = renderDetail(dollars.id);
    const amount = await screen.findByText(formatMinor(dollars.total_in_cents, 'USD', 'en-US'));
    expect(amount.nextElementSibling?.textContent).toBe('USD');
    view.unmount();
    setFormattingLocale('fr-FR');
    renderDetail(dollars.id);
    await screen.findByRole('button', { name: 'Download PDF' }, { timeout: 5000 });
    const french = screen.getByText((_content, element) => element?.tagName === 'SPAN' && element.textContent === formatMinor(dollars.total_in_cents, 'USD', 'fr-FR'));
    expect(french.textContent).toContain('$US');
    expect(french.nextElementSibling).toBeNull();
  });

  it('shows the reference, the status in words, the amount in its currency, the full id and a PDF download', async () => {
    const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
    const failed = results.find((invoice) => invoice.status === 'NOT_PAID');
    if (!failed) throw new Error('Acme has a NOT_PAID invoice');
    renderDetail(failed.id);
    expect(await screen.findByRole('heading', { level: 1, name: `Invoice ${invoiceReference(failed.id)}` })).toBeTruthy();
    expect(await screen.findByText('Payment failed')).toBeTruthy();
    expect(screen.getByText(formatMinor(failed.total_in_cents, failed.currency_code))).toBeTruthy();
    expect(screen.getByText(invoiceReference(failed.id), { selector: 'code' })).toBeTruthy();
    expect(screen.getByText(failed.id)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Check the payment methods' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.acme}/payment-methods`);
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to invoices' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.acme}/invoices`);
  });

  it('gives a failed payment its deadline when billed by invoice, and none when running on credit', async () => {
    const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
    const failed = results.find((invoice) => invoice.status === 'NOT_PAID');
    if (!failed) throw new Error('Acme has a NOT_PAID invoice');
    // Acme pays for its plan: billing turns invalid 7 days after the invoice was issued.
    const deadline = unpaidDeadline(failed.created_at);
    const view = renderDetail(failed.id);
    const time = await screen.findByText(formatInstant(deadline), { selector: 'time' });
    expect(time.getAttribute('dateTime')).toBe(deadline.toISOString());
    const sentence = deadline.getTime() <= TEST_NOW.getTime() ? 'Unpaid for more than 7 days: billing turned invalid on' : 'Billing turns invalid on';
    expect(time.parentElement?.textContent).toContain(sentence);
    view.unmount();

    // In a trial, the same invoice is owed but sets no deadline.
    const cost = await callOperation(operations.getOrganizationCurrentCost, { organizationId: ORG_IDS.acme }, {});
    server.replyNext(`/api/organization/${ORG_IDS.acme}/currentCost`, { ...cost, remaining_trial_day: 5 });
    const before = server.requests().length;
    renderDetail(failed.id);
    expect(await screen.findByText('Payment failed')).toBeTruthy();
    await screen.findByRole('button', { name: 'Download PDF' });
    expect(server.requests().slice(before)).toContain(`GET /api/organization/${ORG_IDS.acme}/currentCost`);
    expect(screen.queryByText(/turns invalid|turned invalid/)).toBeNull();
  });

  it('dates the invoice with its billing date, the one on the PDF, in every time zone', async () => {
    const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
    // The seed issues Acme's monthly invoices at 06:00 UTC: the day before in the Americas.
    const early = results.find((invoice) => invoice.status === 'PAID' && invoice.created_at.endsWith('T06:00:00.000Z'));
    if (!early) throw new Error('Acme has a paid invoice issued at 06:00 UTC');
    renderDetail(early.id);
    const [year, month, day] = early.created_at.slice(0, 10).split('-').map(Number);
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, 12)));
    expect(await screen.findByText(`Invoice date: ${expected}`)).toBeTruthy();
    expect(screen.getByText(expected, { selector: 'time' }).getAttribute('dateTime')).toBe(early.created_at);
  });

  it('says so when the invoice does not exist, without a download button', async () => {
    renderDetail('not-an-invoice-42');
    expect(await screen.findByRole('heading', { name: 'Invoice not found' })).toBeTruthy();
    // The id as it is in the link, so that a typo can be seen, not its shortened form.
    expect(
      screen.getByText(
        (_, element) =>
          element?.tagName === 'P' &&
          element.textContent === 'There is no invoice not-an-invoice-42 in Acme Corp. The link may be wrong, or the invoice belongs to another organization.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download PDF' })).toBeNull();
  });

  it('tells a viewer who can see invoices, without asking the API', async () => {
    renderDetail('00000000-0000-4000-8000-000000000000', { token: 'sbx_viewer_acme', role: 'viewer' });
    expect(await screen.findByRole('heading', { name: 'Invoices are not available to your role' })).toBeTruthy();
    expect(server.requests().some((request) => request.includes('/invoice'))).toBe(false);
  });
});
