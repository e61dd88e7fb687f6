import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { renderRoute, signInAs } from '@/test/render';
import { Component as BillingDetailsPage } from '../billing-details-route';

const server = setupSandboxServer();
const path = `/organizations/${ORG_IDS.acme}/billing-details`;

function renderPage(role: 'admin' | 'billing_manager' | 'viewer' = 'admin', token = 'sbx_admin_acme') {
  server.signInAs(token);
  signInAs(token, [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role }]);
  return renderRoute(path, '/organizations/:organizationId/billing-details', <BillingDetailsPage />);
}

describe('billing details form', () => {
  it('shows the saved details, then refuses an invalid VAT number without calling the API', async () => {
    const user = userEvent.setup();
    renderPage();
    const vat = await screen.findByLabelText('VAT number');
    expect(vat).toHaveProperty('value', 'FR32123456789');
    expect(screen.getByRole('combobox', { name: /Country/ })).toHaveProperty('value', 'France');

    await user.clear(vat);
    await user.type(vat, 'FR99');
    await user.click(screen.getByRole('button', { name: 'Save billing details' }));
    expect(await screen.findByText(/not a valid VAT number for France/)).toBeTruthy();
    expect(vat.getAttribute('aria-invalid')).toBe('true');
    expect(vat.getAttribute('aria-describedby')).toContain(screen.getByText(/not a valid VAT number for France/).id);
    expect(server.requests().filter((request) => request.startsWith('PUT'))).toEqual([]);
  });

  it('says so when the country typed is not in the list, and which one it kept', async () => {
    const user = userEvent.setup();
    renderPage();
    const country = await screen.findByRole('combobox', { name: /Country/ });
    await user.clear(country);
    await user.type(country, 'Atlantis');
    await user.tab();
    expect(country).toHaveProperty('value', 'France');
    expect(screen.getByRole('status').textContent).toBe('“Atlantis” is not in the list: France is kept. Choose a country from the list to change it.');
    expect(country.getAttribute('aria-describedby')).toContain(screen.getByRole('status').parentElement?.id);
  });

  it('shows the state only for the United States and requires it there', async () => {
    const user = userEvent.setup();
    renderPage();
    const country = await screen.findByRole('combobox', { name: /Country/ });
    expect(screen.queryByLabelText(/^State/)).toBeNull();
    await user.clear(country);
    await user.type(country, 'United States');
    await user.click(screen.getByRole('option', { name: 'United States' }));
    expect(screen.getByLabelText(/^State/)).toBeTruthy();
    // A US address reads City, State, ZIP code: the form asks in that order.
    const address = screen.getByRole('group', { name: 'Address' });
    const labels = within(address)
      .getAllByText(/^(City|State|Postal code)/, { selector: 'label' })
      .map((label) => label.textContent?.replace(/\W*required.*$/i, ''));
    expect(labels).toEqual(['City', 'State', 'Postal code']);
    await user.clear(screen.getByLabelText('VAT number'));
    await user.clear(screen.getByLabelText(/Postal code/));
    await user.type(screen.getByLabelText(/Postal code/), '94103');
    await user.click(screen.getByRole('button', { name: 'Save billing details' }));
    expect(await screen.findByText('State is required for the United States')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^State/), 'Oregon');
    await user.click(screen.getByRole('button', { name: 'Save billing details' }));
    await waitFor(() => expect(server.requests()).toContain(`PUT /api/organization/${ORG_IDS.acme}/billingInfo`));
    await waitFor(() => expect(screen.queryByText('You have unsaved changes.')).toBeNull());
  });

  it('disables the submit button while saving and keeps what was typed when the server refuses', async () => {
    const user = userEvent.setup();
    renderPage();
    const city = await screen.findByLabelText(/^City/);
    await user.clear(city);
    await user.type(city, 'Lyon');
    await user.clear(screen.getByLabelText(/Postal code/));
    await user.type(screen.getByLabelText(/Postal code/), '69002');
    server.failNext(`/api/organization/${ORG_IDS.acme}/billingInfo`, 503, 'Billing backend is down');
    await user.click(screen.getByRole('button', { name: 'Save billing details' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Billing backend is down/)).toBeTruthy();
    expect(city).toHaveProperty('value', 'Lyon');

    const release = server.holdNext(`/api/organization/${ORG_IDS.acme}/billingInfo`);
    await user.click(screen.getByRole('button', { name: 'Save billing details' }));
    const saving = await screen.findByRole('button', { name: 'Saving…' });
    // Refuses clicks but keeps the keyboard focus where it was.
    expect(saving.getAttribute('aria-disabled')).toBe('true');
    const saves = server.requests().length;
    await user.click(saving);
    expect(server.requests().length).toBe(saves);
    release();
    await waitFor(() => expect(screen.queryByText('You have unsaved changes.')).toBeNull());
    expect(city).toHaveProperty('value', 'Lyon');
    expect(server.requests().filter((request) => request.startsWith('PUT'))).toHaveLength(2);
  });

  it('puts server field errors on their fields', async () => {
    const user = userEvent.setup();
    renderPage();
    const email = await screen.findByLabelText(/Billing email/);
    await user.clear(email);
    await user.type(email, 'ap@acme.test');
    server.failNext(`/api/organization/${ORG_IDS.acme}/billingInfo`, 400, 'email: This mailbox does not exist', [{ field: 'email', message: 'This mailbox does not exist' }]);
    await user.click(screen.getByRole('button', { name: 'Save billing details' }));
    const message = await screen.findByText('This mailbox does not exist');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(message.id);
    expect(email).toHaveProperty('value', 'ap@acme.test');
    expect(document.activeElement).toBe(email);
  });

  it('explains to a viewer without requesting the billing info', async () => {
    renderPage('viewer', 'sbx_viewer_acme');
    expect(await screen.findByRole('heading', { name: 'Billing details are not available to your role' })).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(server.requests().some((request) => request.includes('billingInfo'))).toBe(false);
  });
});
