import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { creditCardListSchema, invoiceListSchema } from '@/api/contract';
import { invoiceReference } from '@/api/invoice-reference';
import type { Role } from '@/api/permissions';
import { unpaidDeadline } from '@/api/unpaid-grace';
import { formatInstant } from '@/lib/date-format';
import { renderRoute, signInAs } from '@/test/render';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { Component as OverviewPage } from '../overview-route';

const server = setupSandboxServer();

function renderOverview(organizationId: string, token: string, role: Role, organizationName: string) {
  server.signInAs(token);
  signInAs(token, [{ organization_id: organizationId, organization_name: organizationName, role }]);
  return renderRoute(`/organizations/${organizationId}/overview`, '/organizations/:organizationId/overview', <OverviewPage />);
}

async function panel(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: 'Billing health' });
  const section = heading.closest('section');
  if (!section) throw new Error('the panel is not a section');
  await waitFor(() => expect(within(section).queryByText('Checking the billing health')).toBeNull());
  return section;
}

/** The entries of the "needs attention" list, in order, by their titles. */
function titles(section: HTMLElement): string[] {
  const list = within(section).getByRole('list', { name: 'Needs attention, most urgent first' });
  return Array.from(list.children, (entry) => entry.querySelector('p')?.textContent ?? '');
}

async function acme(path: string, token = 'sbx_admin_acme'): Promise<unknown> {
  return (await fetch(`/api/organization/${ORG_IDS.acme}/${path}`, { headers: { Authorization: `Token ${token}` } })).json();
}

describe('the billing health panel', () => {
  it('shows a billing manager the unpaid invoice’s deadline in large type, the invoice as a link, then what is due under terms', async () => {
    renderOverview(ORG_IDS.acme, 'sbx_billing_acme', 'billing_manager', 'Acme Corp');
    const section = await panel();
    const { results = [] } = invoiceListSchema.parse(await acme('invoice'));
    const failed = results.find((invoice) => invoice.status === 'NOT_PAID');
    if (!failed) throw new Error('Acme has no NOT_PAID invoice');
    const reference = invoiceReference(failed.id);

    expect(titles(section)).toEqual([`Invoice ${reference} is unpaid`, '2 invoices awaiting payment']);
    expect(within(section).getByText('Valid')).toBeTruthy();
    // The status's message says what the entry says: once is enough.
    expect(within(section).queryByText(/billing becomes invalid in 2 days if it stays unpaid/)).toBeNull();
    // Issued 5 days ago: billing turns invalid 7 days after, in 2 days.
    expect(within(section).getByText('2 days left').className).toContain('text-3xl');
    expect(within(section).getByText(formatInstant(unpaidDeadline(failed.created_at))).tagName).toBe('TIME');
    const links = within(section).getAllByRole('link', { name: reference });
    expect(links[0]?.getAttribute('href')).toBe(`/organizations/${ORG_IDS.acme}/invoices/${failed.id}`);
    expect(within(section).getByRole('link', { name: 'See the invoice' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.acme}/invoices/${failed.id}`);
    expect(within(section).getByRole('link', { name: 'See unpaid invoices' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.acme}/invoices?status=NOT_PAID%2CPAYMENT_DUE`);
    for (const due of results.filter((invoice) => invoice.status === 'PAYMENT_DUE')) {
      expect(
        within(section)
          .getByRole('link', { name: invoiceReference(due.id) })
          .getAttribute('href'),
      ).toBe(`/organizations/${ORG_IDS.acme}/invoices/${due.id}`);
    }
  });

  it('lists Globex’s invalid billing and its missing card, each with its action, the blocking one first', async () => {
    renderOverview(ORG_IDS.globex, 'sbx_admin_globex', 'admin', 'Globex');
    const section = await panel();
    expect(titles(section)).toEqual(['Billing is invalid', 'No card: managed clusters are blocked']);
    expect(within(section).getByText('Invalid')).toBeTruthy();
    const [invalid, noCard] = within(within(section).getByRole('list', { name: 'Needs attention, most urgent first' })).getAllByRole('listitem');
    if (!invalid || !noCard) throw new Error('two entries expected');
    expect(within(invalid).getByRole('alert')).toBeTruthy();
    expect(invalid.textContent).toContain('Globex is on a trial with no credit left.');
    expect(within(invalid).getByRole('link', { name: 'Redeem a credit code' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.globex}/credits`);
    expect(noCard.textContent).toMatch(
      /Until a card is added, Globex can deploy on demo clusters only\. The trial ends in \d+ days, on .+; the plan is then charged at each renewal\./,
    );
    expect(within(noCard).getByRole('link', { name: 'Add a card' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.globex}/payment-methods`);
  });

  it('asks a billing manager for a card when no card on file can pay the renewal', async () => {
    const headers = { Authorization: 'Token sbx_admin_acme' };
    for (const card of creditCardListSchema.parse(await acme('creditCard')).results ?? []) {
      if (!card.is_expired) await fetch(`/api/organization/${ORG_IDS.acme}/creditCard/${card.id}`, { method: 'DELETE', headers });
    }
    renderOverview(ORG_IDS.acme, 'sbx_billing_acme', 'billing_manager', 'Acme Corp');
    const section = await panel();
    expect(titles(section)).toContain('No valid card for the next renewal');
    expect(within(section).getByText(/, and no card on file is valid \(1 card has expired\)\./)).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Add a card' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.acme}/payment-methods`);
  });

  it('says in one line that all is well', async () => {
    server.replyNext(`/api/organization/${ORG_IDS.acme}/billingStatus`, { is_valid: true, message: 'Billing is valid.' });
    server.replyNext(`/api/organization/${ORG_IDS.acme}/invoice`, { results: [] });
    renderOverview(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    const section = await panel();
    expect(within(section).queryByRole('list')).toBeNull();
    expect(within(section).getByText('Nothing needs attention. Billing is valid.')).toBeTruthy();
  });

  it('tells a viewer of a restricted trial who can add a card, without asking for cards or invoices', async () => {
    renderOverview(ORG_IDS.globex, 'sbx_admin_acme', 'viewer', 'Globex');
    const section = await panel();
    expect(titles(section)).toEqual(['Billing is invalid', 'No card: managed clusters are blocked']);
    // Any member may redeem a code; only finance roles may add a card.
    expect(within(section).getByRole('link', { name: 'Redeem a credit code' })).toBeTruthy();
    expect(within(section).queryByRole('link', { name: 'Add a card' })).toBeNull();
    expect(within(section).getByText(/An admin \(admin@globex\.test\) or a billing manager can add one\./)).toBeTruthy();
    expect(server.requests().some((request) => request.includes('/creditCard') || request.includes('/invoice'))).toBe(false);
  });

  it('gives a viewer a warning status message apart from the tick that says billing is valid', async () => {
    const warning = 'Invoice INV-0123456789 is unpaid: billing becomes invalid in 3 days if it stays unpaid.';
    server.replyNext(`/api/organization/${ORG_IDS.acme}/billingStatus`, { is_valid: true, message: warning });
    renderOverview(ORG_IDS.acme, 'sbx_admin_acme', 'viewer', 'Acme Corp');
    const section = await panel();
    const tick = within(section).getByText('✓').closest('p');
    expect(tick?.textContent).toBe('✓Billing is valid.');
    expect(within(section).getByText(warning).closest('p')).not.toBe(tick);
    // The API's words are English whatever the page's language: a screen reader must read them so.
    expect(within(section).getByText(warning).getAttribute('lang')).toBe('en');
  });

  it('reports invoices it could not check, with a retry, instead of saying all is well', async () => {
    server.replyNext(`/api/organization/${ORG_IDS.acme}/billingStatus`, { is_valid: true, message: 'Billing is valid.' });
    server.failNext(`/api/organization/${ORG_IDS.acme}/invoice`, 503, 'Invoice service unavailable');
    renderOverview(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    const section = await panel();
    const error = within(section).getByRole('alert');
    expect(error.textContent).toContain('Could not check the invoices');
    expect(error.textContent).toContain('Invoice service unavailable');
    expect(within(error).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(within(section).queryByText(/Nothing needs attention/)).toBeNull();
  });
});
