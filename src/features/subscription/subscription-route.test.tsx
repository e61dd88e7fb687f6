import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/api/permissions';
import { Toaster } from '@/components/ui/toast';
import { renderRoute, signInAs } from '@/test/render';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { openHostedPage } from './hosted-page';
import { Component as SubscriptionPage } from './subscription-route';

// Leaving the console is the one thing jsdom cannot do: the hosted-page opener is replaced, the
// links it receives are checked.
vi.mock(import('./hosted-page'), async (importOriginal) => ({ ...(await importOriginal()), openHostedPage: vi.fn(() => true) }));

const server = setupSandboxServer();
const BASE = '/api/v1/organizations/billing';
const TOKENS: Record<Role, string> = { admin: 'sbx_admin_acme', billing_manager: 'sbx_billing_acme', viewer: 'sbx_viewer_acme' };

beforeEach(() => {
  vi.mocked(openHostedPage).mockClear();
  vi.mocked(openHostedPage).mockImplementation(() => true);
});

function renderPage({ role = 'admin', organization = 'acme', search = '' }: { role?: Role; organization?: 'acme' | 'globex'; search?: string } = {}) {
  const token = organization === 'globex' ? 'sbx_admin_globex' : TOKENS[role];
  const organizationId = ORG_IDS[organization];
  server.signInAs(token);
  signInAs(token, [{ organization_id: organizationId, organization_name: organization === 'globex' ? 'Globex' : 'Acme Corp', role }]);
  return renderRoute(
    `/organizations/${organizationId}/subscription${search}`,
    '/organizations/:organizationId/subscription',
    <>
      <SubscriptionPage />
      <Toaster />
    </>,
  );
}

function cloudPlansRequests() {
  return server.requests().filter((request) => request.includes('/organizations/billing/'));
}

describe('subscription page', () => {
  it('loads with spoken skeletons, then shows the subscription, the organization and the history', async () => {
    const release = server.holdNext(`${BASE}/describe`);
    renderPage();
    expect(screen.getByText('Loading the subscription')).toBeTruthy();
    release();
    expect(await screen.findByText('Standard plan')).toBeTruthy();
    expect(screen.getByText('Active')).toBeTruthy();
    expect(screen.getByText('$76.00 (4 instances × $19.00)')).toBeTruthy();
    expect(screen.getByText(/^Visa ending in 4242, expires 12\/\d{4}$/)).toBeTruthy();
    expect(screen.getByText('admin@acme.test')).toBeTruthy();
    const table = await screen.findByRole('table', { name: /Billing history/ });
    expect(within(table).getAllByRole('row')).toHaveLength(9);
    expect(within(table).getAllByText('Paid')).toHaveLength(7);
    expect(within(table).getAllByText('Unpaid')).toHaveLength(1);
    expect(screen.getByText('8 entries, 1 unpaid.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel subscription' })).toBeTruthy();
  });

  it('gives a billing manager the page and the update-card link, without start, change or cancel', async () => {
    const user = userEvent.setup();
    renderPage({ role: 'billing_manager' });
    expect(await screen.findByText('Standard plan')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change quantity' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel subscription' })).toBeNull();
    expect(screen.getByText(/Only admins can change the number of instances or cancel the subscription\. You can change the payment method\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Change payment method' }));
    await waitFor(() => expect(openHostedPage).toHaveBeenCalledWith(expect.stringMatching(/^http:\/\/localhost\/sandbox\/payment-method\/[\w-]{43}$/)));
    expect(cloudPlansRequests()).toContain(`POST ${BASE}/update`);
  });

  it('explains to a viewer without asking the API', async () => {
    renderPage({ role: 'viewer' });
    expect(await screen.findByText('Subscription details are not available to your role')).toBeTruthy();
    expect(screen.getByText(/You are a viewer/)).toBeTruthy();
    expect(cloudPlansRequests()).toEqual([]);
  });

  it('starts a subscription: checks the quantity, previews the price and goes to the checkout link', async () => {
    const user = userEvent.setup();
    renderPage({ organization: 'globex' });
    expect(await screen.findByText('No subscription')).toBeTruthy();
    expect(screen.getByText('No payments yet. They appear here once a subscription starts.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveProperty('disabled', true);
    const quantity = screen.getByRole('spinbutton', { name: /Instances/ });

    await user.clear(quantity);
    await user.type(quantity, '0');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByText('Quantity must be at least 1 instance')).toBeTruthy();
    expect(quantity.getAttribute('aria-invalid')).toBe('true');
    expect(cloudPlansRequests().filter((request) => request.startsWith('POST'))).toEqual([]);

    await user.clear(quantity);
    await user.type(quantity, '3');
    expect(screen.getByText('$57.00')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await waitFor(() => expect(openHostedPage).toHaveBeenCalledWith(expect.stringMatching(/^http:\/\/localhost\/sandbox\/checkout\/[\w-]{43}$/)));
    expect((await screen.findByRole('button', { name: 'Opening the checkout…' })).getAttribute('aria-disabled')).toBe('true');
  });

  it('refuses to leave for a link that is not https or same-origin, and says so', async () => {
    vi.mocked(openHostedPage).mockImplementation(() => false);
    const user = userEvent.setup();
    renderPage({ organization: 'globex' });
    await user.click(await screen.findByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByText(/The subscription was not started: The server sent a payment link that is not safe to open/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continue to payment' })).toHaveProperty('disabled', false);
  });

  it('changes the quantity after showing old and new quantity and price, then shows the new state', async () => {
    const user = userEvent.setup();
    renderPage();
    const quantity = await screen.findByRole('spinbutton', { name: 'Instances' });
    await user.click(screen.getByRole('button', { name: 'Change quantity' }));
    expect(await screen.findByText('The subscription already has 4 instances')).toBeTruthy();

    await user.clear(quantity);
    await user.type(quantity, '6');
    await user.click(screen.getByRole('button', { name: 'Change quantity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change to 6 instances?' });
    const rows = within(dialog).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual(['NowAfter', 'Instances46', 'Monthly price$76.00$114.00']);
    expect(within(dialog).getByText(/is charged today for the 2 instances added until/)).toBeTruthy();

    server.failNext(`${BASE}/update`, 503, 'Billing is down for maintenance');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    expect(await within(dialog).findByText('The quantity was not changed: Billing is down for maintenance')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    expect(await screen.findByText('$114.00 (6 instances × $19.00)')).toBeTruthy();
    expect(await screen.findByText('The subscription now has 6 instances.')).toBeTruthy();
    expect(await screen.findByText('9 entries, 1 unpaid.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    // Focus comes back to the field, which now holds the new quantity, rather than falling to <body>.
    const field = screen.getByRole('spinbutton', { name: 'Instances' });
    expect(document.activeElement).toBe(field);
    expect(field).toHaveProperty('value', '6');
  });

  it('cancels after a confirmation that names what stops, keeping the reason when it fails', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Cancel subscription' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the subscription?' });
    expect(within(dialog).getByText(/The 4 instances of Acme Corp on the Standard plan stop now and are no longer billed/)).toBeTruthy();
    const reason = within(dialog).getByLabelText('Reason (optional)');
    await user.type(reason, 'Moving to another provider');
    expect(within(dialog).getByText(/26 \/ 500 characters/)).toBeTruthy();

    server.failNext(`${BASE}/update`, 500, 'Something went wrong on our side. Try again in a moment.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }));
    expect(await within(dialog).findByText(/The subscription was not canceled: Something went wrong/)).toBeTruthy();
    expect(reason).toHaveProperty('value', 'Moving to another provider');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel subscription' }));
    expect(await screen.findByText('No subscription')).toBeTruthy();
    expect(screen.getByText('The subscription is canceled.')).toBeTruthy();
    // The confirm button went away with the subscription: focus lands on the new state.
    expect(document.activeElement).toBe(screen.getByText('No subscription'));
    // The history stays, less the renewal that was not yet due: it will never be billed.
    expect(screen.getByText('7 entries, all paid.')).toBeTruthy();
  });

  it('keeps the subscription when the confirmation is dismissed', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Cancel subscription' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Keep the subscription' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(cloudPlansRequests().filter((request) => request.startsWith('POST'))).toEqual([]);
    expect(screen.getByText('Active')).toBeTruthy();
  });

  it('sorts the history by column as invoices do: sort and dir in the URL, ties newest first, status too', async () => {
    const user = userEvent.setup();
    const { router } = renderPage();
    const table = await screen.findByRole('table');
    const cells = (column: number) => within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[column]?.textContent);
    const dates = () => within(table).getAllByRole('row').slice(1).map((row) => row.querySelector('time')?.getAttribute('dateTime') ?? '');
    expect(within(table).getByRole('columnheader', { name: /^Date/ }).getAttribute('aria-sort')).toBe('descending');

    await user.click(within(table).getByRole('button', { name: /Amount/ }));
    expect(cells(3)).toEqual(['$76.00', '$76.00', '$76.00', '$76.00', '$76.00', '$57.00', '$57.00', '$6.33']);
    expect(within(table).getByRole('columnheader', { name: /Amount/ }).getAttribute('aria-sort')).toBe('descending');
    expect(router.state.location.search).toBe('?sort=amount');
    // Equal amounts: newest first, as on the invoice list.
    const tied = dates().slice(0, 5);
    expect(tied).toEqual([...tied].sort().reverse());

    await user.click(within(table).getByRole('button', { name: /Amount/ }));
    expect(cells(3)[0]).toBe('$6.33');
    expect(router.state.location.search).toBe('?sort=amount&dir=asc');
    expect(table.querySelector('caption')?.textContent).toBe('Billing history, sorted by amount, ascending');

    await user.click(within(table).getByRole('button', { name: /Status/ }));
    expect(router.state.location.search).toBe('?sort=status');
    expect(within(table).getByRole('columnheader', { name: /Status/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(cells(4)[0]).toBe('Unpaid');
    expect(new Set(cells(4).slice(1))).toEqual(new Set(['Paid']));
  });

  it('shows an error with retry when the subscription cannot load', async () => {
    const user = userEvent.setup();
    server.failNext(`${BASE}/describe`, 503, 'Cloud Plans is unavailable');
    renderPage();
    expect(await screen.findByText('Could not load the subscription')).toBeTruthy();
    expect(screen.getByText('Cloud Plans is unavailable')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Standard plan')).toBeTruthy();
  });

  it('says Cloud Plans is not configured when the backend answers 501', async () => {
    const message = 'Cloud Plans is not configured on this server: set CLOUDPLANS_API_URL to the Cloud Plans API to manage subscriptions here.';
    server.failNext(`${BASE}/describe`, 501, message);
    server.failNext(`${BASE}/history`, 501, message);
    renderPage();
    expect(await screen.findByText('Cloud Plans is not configured')).toBeTruthy();
    expect(screen.getByText(/set CLOUDPLANS_API_URL/)).toBeTruthy();
    expect(screen.queryByText('Could not load the subscription')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says what happened at the checkout and drops the parameter', async () => {
    const { router } = renderPage({ search: '?checkout=canceled&sort=amount' });
    expect(await screen.findByText('Checkout canceled: nothing was charged.')).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe('?sort=amount'));
  });

  it('does not claim a payment from ?checkout=success alone', async () => {
    const { router } = renderPage({ organization: 'globex', search: '?checkout=success' });
    expect(await screen.findByText(/^The payment is not confirmed yet: no active subscription was found/)).toBeTruthy();
    expect(screen.queryByText(/Payment received/)).toBeNull();
    expect(screen.getByText('No subscription')).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('says a payment was received only when the subscription is active', async () => {
    const { router } = renderPage({ search: '?checkout=success' });
    expect(await screen.findByText('Payment received: the subscription is active.')).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });
});
