import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/api/permissions';
import { listOrganizationInvoices } from '@/api/endpoints';
import { formatCents } from '@/lib/format';
import { renderRoute, signInAs } from '@/test/render';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { Component as OverviewPage } from '../overview-route';

const server = setupSandboxServer();

function renderOverview(token: string, role: Role) {
  server.signInAs(token);
  signInAs(token, [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role }]);
  return renderRoute(`/organizations/${ORG_IDS.acme}/overview`, '/organizations/:organizationId/overview', <OverviewPage />);
}

describe('the unpaid invoices banner', () => {
  it('counts Acme’s failed and due invoices, sums them per currency and links to them', async () => {
    renderOverview('sbx_billing_acme', 'billing_manager');
    expect(await screen.findByText('3 unpaid invoices')).toBeTruthy();
    const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
    const owed = (currency: string) =>
      results.filter((invoice) => invoice.currency_code === currency && (invoice.status === 'NOT_PAID' || invoice.status === 'PAYMENT_DUE')).reduce((sum, invoice) => sum + invoice.total_in_cents, 0);
    expect(screen.getByText(`${formatCents(owed('EUR'), 'EUR')} · ${formatCents(owed('USD'), 'USD')} awaiting payment.`)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See unpaid invoices' }).getAttribute('href')).toBe(`/organizations/${ORG_IDS.acme}/invoices?status=NOT_PAID%2CPAYMENT_DUE`);
  });

  it('is not shown, nor the invoices requested, for a viewer', async () => {
    renderOverview('sbx_viewer_acme', 'viewer');
    expect(await screen.findByText(/\$299\.00/)).toBeTruthy();
    await waitFor(() => expect(server.requests()).toContain(`GET /api/organization/${ORG_IDS.acme}/billingStatus`));
    expect(screen.queryByText(/unpaid invoice/)).toBeNull();
    expect(server.requests().some((request) => request.includes('/invoice'))).toBe(false);
  });
});
