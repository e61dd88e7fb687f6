import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/api/permissions';
import { currentCostQuery } from '@/api/queries';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { renderRoute, signInAs } from '@/test/render';
import { Component as CreditsPage } from './credits-route';

const server = setupSandboxServer();

function renderPage(organizationId: string, token: string, role: Role, organizationName: string) {
  server.signInAs(token);
  signInAs(token, [{ organization_id: organizationId, organization_name: organizationName, role }]);
  return renderRoute(`/organizations/${organizationId}/credits`, '/organizations/:organizationId/credits', <CreditsPage />);
}

async function redeem(code: string) {
  const user = userEvent.setup();
  const field = await screen.findByLabelText(/^Credit code/);
  await user.clear(field);
  await user.type(field, code);
  await user.click(screen.getByRole('button', { name: 'Redeem code' }));
  return field;
}

function billingStatusCard(): HTMLElement {
  const card = screen.getByRole('heading', { name: 'Billing status' }).closest('section');
  if (!card) throw new Error('no billing status card');
  return card;
}

describe('credit codes', () => {
  it('lets a Globex admin redeem a code typed in lower case with spaces; billing becomes valid and the rest of the console is told', async () => {
    const { queryClient } = renderPage(ORG_IDS.globex, 'sbx_admin_globex', 'admin', 'Globex');
    await waitFor(() => expect(within(billingStatusCard()).getByText('Invalid')).toBeTruthy());
    // Data the overview shows, already loaded: it must be refetched once the code is in.
    await queryClient.fetchQuery(currentCostQuery(ORG_IDS.globex));

    const field = await redeem('  welcome100 ');
    expect(await screen.findByText('Credit code WELCOME100 redeemed')).toBeTruthy();
    // Globex's billing was never valid before: "now", not "again".
    expect(screen.getByText('$100.00 of credit was added to Globex. Billing is now valid.')).toBeTruthy();
    expect(within(billingStatusCard()).getByText('Valid')).toBeTruthy();
    expect(within(billingStatusCard()).getByText('Globex is on a trial with $100.00 of credit left.')).toBeTruthy();
    expect(field).toHaveProperty('value', '');
    // The overview's current cost is not on screen: marked stale, it reloads when the overview opens.
    expect(queryClient.getQueryState(currentCostQuery(ORG_IDS.globex).queryKey)?.isInvalidated).toBe(true);
    // The organizations are on screen (the switcher, the page title): they reload at once.
    const requests = server.requests();
    expect(requests.lastIndexOf('GET /api/organization')).toBeGreaterThan(requests.indexOf(`POST /api/organization/${ORG_IDS.globex}/creditCode`));
  });

  it('lets a viewer redeem a code', async () => {
    renderPage(ORG_IDS.acme, 'sbx_viewer_acme', 'viewer', 'Acme Corp');
    await redeem('PARTNER250');
    expect(await screen.findByText('Credit code PARTNER250 redeemed')).toBeTruthy();
    expect(screen.getByText('$250.00 of credit was added to Acme Corp.')).toBeTruthy();
  });

  it('redeems once on a double Enter, and keeps the success without flagging the emptied field', async () => {
    renderPage(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    const field = await screen.findByLabelText(/^Credit code/);
    await userEvent.setup().type(field, 'WELCOME100{Enter}{Enter}');
    expect(await screen.findByText('Credit code WELCOME100 redeemed')).toBeTruthy();
    await userEvent.setup().type(field, '{Enter}');
    expect(screen.getByText('Credit code WELCOME100 redeemed')).toBeTruthy();
    expect(screen.queryByText('Enter a credit code')).toBeNull();
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(server.requests().filter((request) => request.startsWith('POST'))).toHaveLength(1);
  });

  it.each([
    ['NOPE42', 'Unknown credit code NOPE42: check its spelling'],
    // The server's day, said as the interface says days.
    ['summer2024', 'Credit code SUMMER2024 expired on September 30, 2024'],
  ])('shows the server’s message for %s on the field', async (code, message) => {
    renderPage(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    const field = await redeem(code);
    const error = await screen.findByText(message);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(document.activeElement).toBe(field);
    expect(field).toHaveProperty('value', code);
  });

  it('refuses a code the organization already redeemed, and a single-use code another one used', async () => {
    const redeemAs = (organizationId: string, token: string, code: string) =>
      fetch(`/api/organization/${organizationId}/creditCode`, {
        method: 'POST',
        headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    expect((await redeemAs(ORG_IDS.acme, 'sbx_admin_acme', 'WELCOME100')).status).toBe(200);
    expect((await redeemAs(ORG_IDS.globex, 'sbx_admin_globex', 'STARTUP500')).status).toBe(200);
    renderPage(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    await redeem('WELCOME100');
    expect(await screen.findByText('Credit code WELCOME100 has already been redeemed by this organization')).toBeTruthy();
    await redeem('startup500');
    expect(await screen.findByText('Credit code STARTUP500 has already been used')).toBeTruthy();
    expect(screen.queryByText(/redeemed$/)).toBeNull();
  });

  it('says on the field when too many wrong codes were tried, and when to try again', async () => {
    const guess = (code: string) =>
      fetch(`/api/organization/${ORG_IDS.acme}/creditCode`, {
        method: 'POST',
        headers: { Authorization: 'Token sbx_viewer_acme', 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    for (let attempt = 0; attempt < 10; attempt += 1) expect((await guess(`GUESS${attempt}`)).status).toBe(400);
    renderPage(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    const field = await redeem('WELCOME100');
    const error = await screen.findByText('Too many wrong credit codes for this organization (10 in 10 minutes): try again in 10 minutes.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.queryByText(/redeemed$/)).toBeNull();
  });

  it('retries a redemption whose answer was lost with the same key: the code counts once, and the retry succeeds', async () => {
    renderPage(ORG_IDS.globex, 'sbx_admin_globex', 'admin', 'Globex');
    server.loseNextAnswer(`/api/organization/${ORG_IDS.globex}/creditCode`);
    await redeem('WELCOME100');
    expect((await screen.findByRole('alert')).textContent).toContain('The code was not redeemed: Could not reach the server.');
    // The same action again: without its key, the server would refuse the code as already redeemed.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Redeem code' }));
    expect(await screen.findByText('Credit code WELCOME100 redeemed')).toBeTruthy();
    await waitFor(() => expect(within(billingStatusCard()).getByText('Globex is on a trial with $100.00 of credit left.')).toBeTruthy());
  });

  it('checks the code on the client first', async () => {
    renderPage(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    await screen.findByLabelText(/^Credit code/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Redeem code' }));
    expect(await screen.findByText('Enter a credit code')).toBeTruthy();
    await redeem('WELCOME 100!');
    expect(await screen.findByText('A credit code contains only letters, digits, dashes and underscores')).toBeTruthy();
    expect(server.requests().filter((request) => request.startsWith('POST'))).toEqual([]);
  });

  it('shows a failure that is not about the code above the form, keeping the code', async () => {
    renderPage(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    server.failNext(`/api/organization/${ORG_IDS.acme}/creditCode`, 503, 'Credit service unavailable');
    const field = await redeem('WELCOME100');
    expect((await screen.findByRole('alert')).textContent).toBe('The code was not redeemed: Credit service unavailable');
    expect(field).toHaveProperty('value', 'WELCOME100');
  });
});
