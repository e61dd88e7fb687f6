import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stableUuid } from '../../../server/db/ids';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { renderRoute, signInAs } from '@/test/render';
import type { Role } from '@/api/permissions';
import { toCostRow, totalsByCurrency } from './cluster-costs';
import { Component as CostsPage } from './costs-route';

const server = setupSandboxServer();
// Loads go through the real server in-process: on a busy machine they take more than the default second.
configure({ asyncUtilTimeout: 4_000 });
const STAGING = stableUuid('cluster:acme:staging-us');
const costPath = (clusterId: string) => `/api/organization/${ORG_IDS.acme}/cluster/${clusterId}/currentCost`;

function renderCosts(role: Role = 'viewer', token = 'sbx_viewer_acme') {
  server.signInAs(token);
  signInAs(token, [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role }]);
  return renderRoute(`/organizations/${ORG_IDS.acme}/costs`, '/organizations/:organizationId/costs', <CostsPage />);
}

function table(): HTMLElement {
  return screen.getByRole('table', { name: 'Monthly cost range per cluster' });
}

/** The table's cells, row by row, as a user reads them. */
function rowTexts(): string[][] {
  return within(table())
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('costs page', () => {
  it('shows the plan cost, each cluster’s range and the sums across clusters', async () => {
    renderCosts();
    expect(await screen.findByText('$299.00')).toBeTruthy();
    expect(screen.getByText('Renews on').nextElementSibling?.textContent).toMatch(/^\w+ \d{1,2}, \d{4}$/);
    expect(screen.getByText('Not on trial')).toBeTruthy();
    await waitFor(() => expect(rowTexts().at(-1)).toEqual(['Total', '$886.81', '$1,161.29', '$1,829.10']));
    expect(rowTexts().slice(1, -1)).toEqual([
      ['analytics-gcpGCP · europe-west1', '$356.54', '$356.54', '$640.08'],
      ['production-euAWS · eu-west-3', '$402.37', '$621.95', '$951.32'],
      ['staging-usAWS · us-east-2', '$127.90', '$182.80', '$237.70'],
    ]);
    expect(screen.getByText(/per month across 3 clusters; \$1,161\.29 at the current run rate/)).toBeTruthy();
    // The three cost requests went out; none was repeated.
    expect(server.requests().filter((request) => request.endsWith('/currentCost') && request.includes('/cluster/'))).toHaveLength(3);
  });

  it('lets one cluster’s cost fail with its own retry, and says what the sums leave out', async () => {
    const user = userEvent.setup();
    server.failNext(costPath(STAGING), 503, 'Cost service unavailable');
    renderCosts();
    const error = await screen.findByText(/Could not load this cluster’s cost: Cost service unavailable/);
    expect(rowTexts().at(-1)).toEqual(['Total', '$758.91', '$978.49', '$1,591.40']);
    expect(screen.getByText('These sums leave out 1 cluster whose cost is not available yet.')).toBeTruthy();
    expect(screen.getByText(/across 2 clusters/)).toBeTruthy();

    const alert = error.closest('[role="alert"]');
    if (!(alert instanceof HTMLElement)) throw new Error('the error is not an alert');
    await user.click(within(alert).getByRole('button', { name: 'Retry loading the cost of staging-us' }));
    await waitFor(() => expect(rowTexts().at(-1)).toEqual(['Total', '$886.81', '$1,161.29', '$1,829.10']));
    expect(screen.queryByText(/Could not load this cluster’s cost/)).toBeNull();
    // The Retry button went away with the error: focus lands on the cluster's row, not on <body>.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('rowheader', { name: /^staging-us/ })));
    expect(screen.queryByText(/These sums leave out/)).toBeNull();
  });

  it('shows the cluster list’s error with a retry, and the current cost still loads', async () => {
    const user = userEvent.setup();
    server.failNext(`/api/organization/${ORG_IDS.acme}/cluster`, 500, 'Cluster service down');
    renderCosts();
    const error = await screen.findByText('Could not load the clusters');
    expect(screen.getByText('Cluster service down')).toBeTruthy();
    expect(await screen.findByText('$299.00')).toBeTruthy();
    const alert = error.closest('[role="alert"]');
    if (!(alert instanceof HTMLElement)) throw new Error('the error is not an alert');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowTexts().at(-1)).toEqual(['Total', '$886.81', '$1,161.29', '$1,829.10']));
  });
});

describe('cost sums', () => {
  const cluster = (name: string) => ({ id: `id-${name}`, name });
  const cost = (min: number, total: number, max: number, currency = 'USD') => ({
    total_in_cents: total,
    total: total / 100,
    currency_code: currency,
    min_cost_in_cents: min,
    min_cost: min / 100,
    max_cost_in_cents: max,
    max_cost: max / 100,
  });

  it('adds minimums, run rates and maximums in cents, exactly', () => {
    const rows = [toCostRow(cluster('a'), cost(10, 20, 30)), toCostRow(cluster('b'), cost(1, 2, 3)), toCostRow(cluster('c'), cost(40_237, 62_195, 95_132))];
    expect(totalsByCurrency(rows)).toEqual([{ currency: 'USD', clusters: 3, minCents: 40_248, currentCents: 62_217, maxCents: 95_165 }]);
  });

  it('never adds amounts in different currencies together', () => {
    const rows = [
      toCostRow(cluster('a'), cost(100, 150, 200, 'USD')),
      toCostRow(cluster('b'), cost(1_000, 1_000, 5_000, 'eur')),
      toCostRow(cluster('c'), cost(300, 300, 400, 'USD')),
    ];
    expect(totalsByCurrency(rows)).toEqual([
      { currency: 'USD', clusters: 2, minCents: 400, currentCents: 450, maxCents: 600 },
      { currency: 'EUR', clusters: 1, minCents: 1_000, currentCents: 1_000, maxCents: 5_000 },
    ]);
  });

  it('counts a cluster without a range at its total, and an empty list as no sums', () => {
    const row = toCostRow(cluster('a'), { total_in_cents: 5_000, total: 50, currency_code: 'USD' });
    expect(row).toMatchObject({ minCents: 5_000, currentCents: 5_000, maxCents: 5_000 });
    expect(totalsByCurrency([])).toEqual([]);
  });
});
