import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { creditCardListSchema } from '@/api/contract';
import type { Role } from '@/api/permissions';
import { creditCardsQuery } from '@/api/queries';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { renderRoute, signInAs } from '@/test/render';
import { Component as OverviewPage } from '../overview-route';

const server = setupSandboxServer();

function renderOverview(organizationId: string, token: string, role: Role, organizationName: string) {
  server.signInAs(token);
  signInAs(token, [{ organization_id: organizationId, organization_name: organizationName, role }]);
  return renderRoute(`/organizations/${organizationId}/overview`, '/organizations/:organizationId/overview', <OverviewPage />);
}

async function removeAcmeValidCards() {
  const headers = { Authorization: 'Token sbx_admin_acme' };
  const response = await fetch(`/api/organization/${ORG_IDS.acme}/creditCard`, { headers });
  for (const card of creditCardListSchema.parse(await response.json()).results ?? []) {
    if (!card.is_expired) expect((await fetch(`/api/organization/${ORG_IDS.acme}/creditCard/${card.id}`, { method: 'DELETE', headers })).status).toBe(204);
  }
}

describe('overview: payment method warning', () => {
  it('warns a finance role when the paid plan has no valid card left, with a link to add one', async () => {
    await removeAcmeValidCards();
    renderOverview(ORG_IDS.acme, 'sbx_billing_acme', 'billing_manager', 'Acme Corp');
    const title = await screen.findByText('No valid payment method');
    expect(title.closest('[role="status"]')?.textContent).toContain('The plan is charged at each renewal, and no card on file is valid.');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Add a card' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.acme}/payment-methods`));
  });

  it('stays quiet while a valid card is on file', async () => {
    const { queryClient } = renderOverview(ORG_IDS.acme, 'sbx_admin_acme', 'admin', 'Acme Corp');
    expect(await screen.findByText(/\$299\.00/)).toBeTruthy();
    await waitFor(() => expect(queryClient.getQueryState(creditCardsQuery(ORG_IDS.acme).queryKey)?.status).toBe('success'));
    expect(screen.queryByText('No valid payment method')).toBeNull();
  });

  it('during a paid plan’s trial with no card, asks for one before the trial ends', async () => {
    const { queryClient } = renderOverview(ORG_IDS.globex, 'sbx_admin_globex', 'admin', 'Globex');
    expect(await screen.findByText(/Trial: \d+ days left/)).toBeTruthy();
    await waitFor(() => expect(queryClient.getQueryData(creditCardsQuery(ORG_IDS.globex).queryKey)).toEqual({ results: [] }));
    const title = await screen.findByText('Add a card before the trial ends');
    expect(title.closest('[role="status"]')?.textContent).toMatch(/The trial ends in \d+ days, on .+\. From then on the plan is charged at each renewal, and no card is on file yet\./);
    expect(screen.queryByText('No valid payment method')).toBeNull();
  });

  it('does not list cards for a viewer, who may not read them', async () => {
    await removeAcmeValidCards();
    const before = server.requests().length;
    renderOverview(ORG_IDS.acme, 'sbx_viewer_acme', 'viewer', 'Acme Corp');
    expect(await screen.findByText(/\$299\.00/)).toBeTruthy();
    expect(server.requests().slice(before).some((request) => request.includes('/creditCard'))).toBe(false);
    expect(screen.queryByText('No valid payment method')).toBeNull();
  });
});
