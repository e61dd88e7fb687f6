import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getSession, setSession } from '@/lib/session';
import { renderApp, signInAs } from '@/test/render';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';

const server = setupSandboxServer();

function signInAsAcmeAdmin() {
  server.signInAs('sbx_admin_acme');
  signInAs('sbx_admin_acme', [
    { organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role: 'admin' },
    { organization_id: ORG_IDS.globex, organization_name: 'Globex', role: 'viewer' },
  ]);
}

beforeEach(() => {
  setSession(null);
  window.localStorage.clear();
});

describe('the console around its pages', () => {
  it('goes from /sign-in to the organization when already signed in', async () => {
    signInAsAcmeAdmin();
    const { router } = renderApp('/sign-in');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/organizations/${ORG_IDS.acme}/overview`);
    expect(screen.queryByLabelText(/^API token/)).toBeNull();
  });

  it('goes from /sign-in?next= to that page when already signed in', async () => {
    signInAsAcmeAdmin();
    const { router } = renderApp(`/sign-in?next=${encodeURIComponent(`/organizations/${ORG_IDS.acme}/credits`)}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Credit codes' })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/organizations/${ORG_IDS.acme}/credits`);
  });

  it('signs out to the sign-in page, forgetting the session and the cache, with no request after the click', async () => {
    signInAsAcmeAdmin();
    const { router, queryClient } = renderApp(`/organizations/${ORG_IDS.acme}/overview`);
    expect(await screen.findByText('cus_sbx_acme_7Hq2Lx')).toBeTruthy();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const before = server.requests().length;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText(/^API token/)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(getSession()).toBeNull();
    expect(queryClient.getQueryCache().findAll({ predicate: (query) => query.queryKey[0] !== 'sandbox' })).toEqual([]);
    // The sign-in page lists the demo users; nothing of the organization is asked for again.
    await screen.findByRole('button', { name: /Sign in as Alex Martin/ });
    expect(server.requests().slice(before)).toEqual(['GET /sandbox/demo-users']);
  });

  it('asks before signing out with unsaved billing details, and stays when asked to', async () => {
    signInAsAcmeAdmin();
    const user = userEvent.setup();
    const { router } = renderApp(`/organizations/${ORG_IDS.acme}/billing-details`);
    const city = await screen.findByLabelText(/^City/);
    await user.clear(city);
    await user.type(city, 'Lyon');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe(`/organizations/${ORG_IDS.acme}/billing-details`);
    expect(getSession()).not.toBeNull();
    expect(city).toHaveProperty('value', 'Lyon');
    expect(screen.getByRole('button', { name: /^Acme Corp/ })).toBeTruthy();
    expect(screen.queryByText(/Missing or invalid API token/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole('button', { name: 'Leave' }));
    expect(await screen.findByLabelText(/^API token/)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(getSession()).toBeNull();
  });

  it('opens an organization whose id is typed in upper case, at its canonical address', async () => {
    signInAsAcmeAdmin();
    const { router } = renderApp(`/organizations/${ORG_IDS.acme.toUpperCase()}/credits`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Credit codes' })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/organizations/${ORG_IDS.acme}/credits`);
  });

  it('moves the focus to the new page’s heading once a navigation completes', async () => {
    signInAsAcmeAdmin();
    const user = userEvent.setup();
    renderApp(`/organizations/${ORG_IDS.acme}/overview`);
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    await user.click(screen.getByRole('link', { name: 'Credit codes' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Credit codes' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('switches organization on an explicit choice, staying on the same page', async () => {
    signInAsAcmeAdmin();
    const user = userEvent.setup();
    const { router } = renderApp(`/organizations/${ORG_IDS.acme}/credits`);
    await screen.findByRole('heading', { level: 1, name: 'Credit codes' });
    const switcher = screen.getByRole('button', { name: /^Acme Corp/ });
    switcher.focus();
    // Arrow keys do not change the organization by themselves (WCAG 3.2.2).
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(router.state.location.pathname).toBe(`/organizations/${ORG_IDS.acme}/credits`);
    await user.keyboard('{Enter}');
    expect(switcher.getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('link', { name: 'Globex' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/organizations/${ORG_IDS.globex}/credits`));
    expect(await screen.findByRole('button', { name: /^Globex/ })).toBeTruthy();
  });
});
