import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { renderRoute, signInAs } from '@/test/render';
import type { Role } from '@/api/permissions';
import { Component as OverviewPage } from './overview-route';

const server = setupSandboxServer();

function renderOverview(organizationId: string, token: string, role: Role, organizationName: string) {
  server.signInAs(token);
  signInAs(token, [{ organization_id: organizationId, organization_name: organizationName, role }]);
  return renderRoute(`/organizations/${organizationId}/overview`, '/organizations/:organizationId/overview', <OverviewPage />);
}

describe('overview', () => {
  it('shows skeletons with a spoken label while loading, then the plan, cost, renewal and account', async () => {
    const release = server.holdNext(`/api/organization/${ORG_IDS.acme}/currentCost`);
    renderOverview(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    expect(screen.getByText('Loading the current cost').closest('[role="status"]')).toBeTruthy();
    expect(screen.getByText('Loading the plan')).toBeTruthy();
    release();
    expect(await screen.findByText('Team')).toBeTruthy();
    expect(screen.getByText(/\$299\.00/)).toBeTruthy();
    expect(screen.getByText(/^Renews on /)).toBeTruthy();
    expect(screen.getByText('Not on trial')).toBeTruthy();
    expect(await screen.findByText('cus_sbx_acme_7Hq2Lx')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the billing account ID' })).toBeTruthy();
    expect(screen.queryByText('Billing is invalid')).toBeNull();
  });

  it('shows an invalid billing status as an alert with the server’s message and the fix', async () => {
    renderOverview(ORG_IDS.globex, 'sbx_admin_globex', 'admin', 'Globex');
    const banner = (await screen.findByText('Billing is invalid')).closest('[role="alert"]');
    if (!(banner instanceof HTMLElement)) throw new Error('the banner is not an alert');
    expect(within(banner).getByText(/Globex is on a trial with no credit left/)).toBeTruthy();
    // The fix depends on why: a trial runs on credit, so the way out is a credit code.
    await waitFor(() => expect(within(banner).getByRole('link', { name: 'Redeem a credit code' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.globex}/credits`));
    expect(await screen.findByText(/Trial: \d+ days left/)).toBeTruthy();
  });

  it('lets one card fail with its own retry while the others show their data', async () => {
    const user = userEvent.setup();
    server.failNext(`/api/organization/${ORG_IDS.acme}/billingStatus`, 503, 'Status service unavailable');
    renderOverview(ORG_IDS.acme, 'sbx_billing_acme', 'billing_manager', 'Acme Corp');
    const error = await screen.findByText('Could not load the billing status');
    expect(screen.getByText('Status service unavailable')).toBeTruthy();
    expect(await screen.findByText(/\$299\.00/)).toBeTruthy();
    expect(await screen.findByText('cus_sbx_acme_7Hq2Lx')).toBeTruthy();
    const card = error.closest('[role="alert"]');
    if (!(card instanceof HTMLElement)) throw new Error('the error is not an alert');
    await user.click(within(card).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Valid')).toBeTruthy();
    expect(screen.queryByText('Could not load the billing status')).toBeNull();
  });

  it('does not request the billing account for a viewer and says who can see it', async () => {
    renderOverview(ORG_IDS.acme, 'sbx_viewer_acme', 'viewer', 'Acme Corp');
    expect(await screen.findByText('The billing account is visible to admins and billing managers.')).toBeTruthy();
    expect(await screen.findByText(/\$299\.00/)).toBeTruthy();
    expect(server.requests().some((request) => request.includes('billingExternalId'))).toBe(false);
  });

  it('shows admins and billing managers the last three billing events in words, with the way to all of them', async () => {
    server.replyNext(`/api/organization/${ORG_IDS.acme}/events`, {
      events: [
        {
          id: 'e1',
          timestamp: '2026-03-02T10:00:00.000000000Z',
          event_type: 'DELETE',
          sub_target_type: 'CREDIT_CARD',
          origin: 'CONSOLE',
          triggered_by: 'finance@acme.test',
          original_change: '{"brand":"VISA","last_digit":"4242"}',
        },
        {
          id: 'e2',
          timestamp: '2026-03-01T10:00:00.000000000Z',
          event_type: 'UPDATE',
          sub_target_type: 'PLAN',
          origin: 'API',
          triggered_by: 'admin@acme.test',
          original_change: '{"plan":"TEAM_2025"}',
          change: '{"plan":"BUSINESS_2025"}',
        },
      ],
      links: {},
    });
    renderOverview(ORG_IDS.acme, 'sbx_billing_acme', 'billing_manager', 'Acme Corp');
    const list = await screen.findByRole('list', { name: 'Last billing events, newest first' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('p')?.textContent),
    ).toEqual(['finance@acme.test removed the Visa ending 4242', 'admin@acme.test changed the plan from Team to Business']);
    expect(screen.getByRole('region', { name: 'Recent activity' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See all activity' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.acme}/activity`);
  });

  it('says when there is no billing change yet', async () => {
    renderOverview(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    expect(await screen.findByText('No billing changes yet.')).toBeTruthy();
  });

  it('does not request the events for a viewer', async () => {
    renderOverview(ORG_IDS.acme, 'sbx_viewer_acme', 'viewer', 'Acme Corp');
    expect(await screen.findByText(/\$299\.00/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Recent activity' })).toBeNull();
    expect(server.requests().some((request) => request.includes('/events'))).toBe(false);
  });
});
