import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/api/permissions';
import { Toaster } from '@/components/ui/toast';
import { updateCloudPlansSubscription } from '@/api/cloud-plans-updates';
import { renderRoute, signInAs } from '@/test/render';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { TEST_NOW } from '@/test/test-clock';
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

/** The billing history's row for the payment `description` starts with. */
function historyRow(description: string): HTMLElement {
  const table = screen.getByRole('table', { name: /Billing history/ });
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.textContent?.includes(description));
  if (!row) throw new Error(`No history row for "${description}"`);
  return row;
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
    // Seeded 8 days before the renewal: 8 of the period's 31 days (March 8 to April 7) are left, today included.
    expect(within(dialog).getByText('$9.81 is charged today for the 2 instances added, for 8 of the 31 days of the period paid until April 8, 2026.')).toBeTruthy();

    server.failNext(`${BASE}/update`, 503, 'Billing is down for maintenance');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    expect(await within(dialog).findByText('The quantity was not changed: Billing is down for maintenance')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    expect(await screen.findByText('$114.00 (6 instances × $19.00)')).toBeTruthy();
    expect(await screen.findByText('The subscription now has 6 instances.')).toBeTruthy();
    expect(await screen.findByText('9 entries, 1 unpaid.')).toBeTruthy();
    expect(historyRow('2 more instances (4 to 6)').textContent).toContain('$9.81');
    expect(screen.queryByRole('dialog')).toBeNull();
    // Focus comes back to the field, which now holds the new quantity, rather than falling to <body>.
    const field = screen.getByRole('spinbutton', { name: 'Instances' });
    expect(document.activeElement).toBe(field);
    expect(field).toHaveProperty('value', '6');
  });

  it('quotes 2 -> 7 after 4 -> 6 -> 2 as the one instance never paid for, and the history records that amount', async () => {
    const user = userEvent.setup();
    // Earlier in the period, through the API: 6 instances were paid for, then given back.
    await updateCloudPlansSubscription(ORG_IDS.acme, 6);
    await updateCloudPlansSubscription(ORG_IDS.acme, 2);
    renderPage();
    const quantity = await screen.findByRole('spinbutton', { name: 'Instances' });
    await waitFor(() => expect(quantity).toHaveProperty('value', '2'));
    await user.clear(quantity);
    await user.type(quantity, '7');
    await user.click(screen.getByRole('button', { name: 'Change quantity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change to 7 instances?' });
    // Not 5 × $19 × 8/31 = $24.52: 4 of the 5 instances added are the ones already paid for.
    expect(
      within(dialog).getByText(
        '$4.90 is charged today for 1 of the 5 instances added, for 8 of the 31 days of the period paid until April 8, 2026: the other 4 were already paid for this period.',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    expect(await screen.findByText('The subscription now has 7 instances.')).toBeTruthy();
    await waitFor(() => expect(historyRow('1 more instance (2 to 7, 6 already paid for)').textContent).toContain('$4.90'));
  });

  it('says nothing is charged when the instances added were already paid for, and charges nothing', async () => {
    const user = userEvent.setup();
    await updateCloudPlansSubscription(ORG_IDS.acme, 2);
    renderPage();
    const quantity = await screen.findByRole('spinbutton', { name: 'Instances' });
    await waitFor(() => expect(quantity).toHaveProperty('value', '2'));
    expect(await screen.findByText('8 entries, 1 unpaid.')).toBeTruthy();
    await user.clear(quantity);
    await user.type(quantity, '4');
    await user.click(screen.getByRole('button', { name: 'Change quantity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change to 4 instances?' });
    expect(within(dialog).getByText('Nothing is charged today: the 2 instances added were already paid for this period, until April 8, 2026.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    expect(await screen.findByText('The subscription now has 4 instances.')).toBeTruthy();
    expect(screen.getByText('8 entries, 1 unpaid.')).toBeTruthy();
  });

  it('quotes again, before charging, when the billing day turns while the dialog is open', async () => {
    const user = userEvent.setup();
    renderPage();
    const quantity = await screen.findByRole('spinbutton', { name: 'Instances' });
    await user.clear(quantity);
    await user.type(quantity, '8');
    await user.click(screen.getByRole('button', { name: 'Change quantity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change to 8 instances?' });
    expect(within(dialog).getByText(/^\$19\.61 is charged today/)).toBeTruthy();

    // Midnight UTC passes: April 1 leaves 7 days, and the amount the dialog showed is no longer the charge.
    vi.setSystemTime(new Date(TEST_NOW.getTime() + 3_600_000));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    expect(within(dialog).getByRole('status').textContent).toMatch(/^The billing day changed while this was open/);
    expect(within(dialog).getByText(/^\$17\.16 is charged today for the 4 instances added, for 7 of the 31 days/)).toBeTruthy();
    expect(cloudPlansRequests()).not.toContain(`POST ${BASE}/update`);

    await user.click(within(dialog).getByRole('button', { name: 'Confirm the change' }));
    expect(await screen.findByText('The subscription now has 8 instances.')).toBeTruthy();
    await waitFor(() => expect(historyRow('4 more instances (4 to 8)').textContent).toContain('$17.16'));
  });

  it('does not quote an amount when the backend does not say how many instances are already paid for', async () => {
    const user = userEvent.setup();
    server.replyNext(`${BASE}/describe`, {
      status: 200,
      response: {
        organization: { resources: 3, name: 'Acme Corp', id: ORG_IDS.acme, owner: 'admin@acme.test' },
        subscription: { payment_exp: '2026-04-08T23:30:00.000Z', plan: 'STANDARD', quantity: '4' },
      },
    });
    renderPage();
    const quantity = await screen.findByRole('spinbutton', { name: 'Instances' });
    await user.clear(quantity);
    await user.type(quantity, '6');
    await user.click(screen.getByRole('button', { name: 'Change quantity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change to 6 instances?' });
    const note = within(dialog).getByText(/^The instances added are charged today/);
    expect(note.textContent).toBe(
      'The instances added are charged today, prorated for the rest of the period paid until April 8, 2026. The amount appears in the billing history once charged.',
    );
    expect(within(dialog).queryByText(/is charged today/)).toBeNull();
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
    const cells = (column: number) =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[column]?.textContent);
    const dates = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.querySelector('time')?.getAttribute('dateTime') ?? '');
    expect(within(table).getByRole('columnheader', { name: /^Date/ }).getAttribute('aria-sort')).toBe('descending');

    await user.click(within(table).getByRole('button', { name: /Amount/ }));
    expect(cells(3)).toEqual(['$76.00', '$76.00', '$76.00', '$76.00', '$76.00', '$57.00', '$57.00', '$6.33']);
    expect(
      within(table)
        .getByRole('columnheader', { name: /Amount/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
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
    expect(
      within(table)
        .getByRole('columnheader', { name: /Status/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
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
