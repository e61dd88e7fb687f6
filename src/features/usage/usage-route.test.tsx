// @vitest-environment-options {"url": "http://localhost/"}
// The sandbox answers with links on http://localhost (the in-process server's origin): the page
// opens only https or same-origin links, so the test page lives on that origin too.
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { renderRoute, signInAs } from '@/test/render';
import type { Role } from '@/api/permissions';
import { reportHistory, signedLinkExpiry, type StoredReport } from './report-history';
import { Component as UsagePage } from './usage-route';

const server = setupSandboxServer();
// Loads go through the real server in-process: on a busy machine they take more than the default second.
configure({ asyncUtilTimeout: 4_000 });
const generatePath = `/api/organization/${ORG_IDS.acme}/billingUsageReport`;
const STORAGE_KEY = 'billing-console.usage-reports';

beforeEach(() => {
  window.sessionStorage.removeItem(STORAGE_KEY);
  reportHistory.reload();
});

function renderUsage(role: Role = 'billing_manager', token = 'sbx_billing_acme') {
  server.signInAs(token);
  signInAs(token, [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role }]);
  return renderRoute(`/organizations/${ORG_IDS.acme}/usage`, '/organizations/:organizationId/usage', <UsagePage />);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const DAY_MS = 24 * 3600 * 1000;

/** Acme renews on the day three days before seeding (server/db/seed.ts): its last full cycle ended then. */
function acmeLastCycle(now = new Date()): { first: string; last: string } {
  const renewal = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 3));
  const year = renewal.getUTCFullYear();
  const month = renewal.getUTCMonth() - 1;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const first = new Date(Date.UTC(year, month, Math.min(renewal.getUTCDate(), daysInMonth)));
  return { first: isoDay(first), last: isoDay(new Date(renewal.getTime() - DAY_MS)) };
}

function reportItem(): HTMLElement {
  const [item] = screen.getAllByRole('article');
  if (!item) throw new Error('no report listed');
  return item;
}

describe('usage reports page', () => {
  it('generates the last cycle’s report by default, lists it as active and keeps the link in this tab only', async () => {
    const user = userEvent.setup();
    renderUsage();
    const period = await screen.findByRole('combobox', { name: 'Period' });
    const selected = within(period).getByRole('option', { selected: true });
    expect(selected.textContent).toMatch(/\(last cycle\)$/);
    expect(within(period).getAllByRole('option')).toHaveLength(14);
    // The cycle in progress and the 12 before it, as the hint says; the one in progress runs to today.
    expect(within(period).getAllByRole('option')[0]?.textContent).toMatch(/^\w+ \d+(, \d{4})? – today \(in progress\)$/);
    expect(screen.getByText(/^The billing cycle in progress and the 12 before it, or a custom range\./)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Generate report' }));
    const item = await waitFor(reportItem);
    expect(within(item).getByText('Active')).toBeTruthy();
    expect(within(item).getByText(/Link expires .+ \(in (60 minutes|1 hour)\)\./)).toBeTruthy();
    const download = within(item).getByRole('link', { name: /^Download CSV for / });
    const url = download.getAttribute('href') ?? '';
    expect(url).toMatch(/^http:\/\/localhost\/sandbox\/usage-reports\/.+\/csv\?/);

    // The CSV covers exactly the last cycle, one row per cluster and day.
    const csv = await (await fetch(url)).text();
    const rows = csv.trim().split('\n').slice(1);
    const { first, last } = acmeLastCycle();
    expect(rows[0]?.startsWith(`${first},`)).toBe(true);
    expect(rows.at(-1)?.startsWith(`${last},`)).toBe(true);
    expect(rows.length % 3).toBe(0);

    expect(window.sessionStorage.getItem(STORAGE_KEY)).toContain(url);
    // The expiry shown is the one the signed link carries, not the browser's guess.
    const expires = Number(new URL(url).searchParams.get('expires'));
    expect(expires).toBeGreaterThan(0);
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toContain(`"expiresAt":"${new Date(expires * 1000).toISOString()}"`);
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('usage-reports');
  });

  it('revokes a link after confirmation: the list says so and the link answers 404', async () => {
    const user = userEvent.setup();
    renderUsage();
    await user.click(await screen.findByRole('button', { name: 'Generate report' }));
    const item = await waitFor(reportItem);
    const url =
      within(item)
        .getByRole('link', { name: /^Download CSV for / })
        .getAttribute('href') ?? '';
    expect((await fetch(url)).status).toBe(200);

    await user.click(within(item).getByRole('button', { name: /^Revoke the link to the report for / }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke this link?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke link' }));
    await waitFor(() => expect(within(reportItem()).getByText('Revoked')).toBeTruthy());
    // The Revoke button went away: focus lands on the report, not on <body>.
    expect(document.activeElement).toBe(within(reportItem()).getByRole('heading'));
    expect(within(reportItem()).queryByRole('link')).toBeNull();
    expect(server.requests().some((request) => request.startsWith('DELETE /sandbox/usage-reports/'))).toBe(true);
    expect((await fetch(url)).status).toBe(404);
  });

  it('refuses a custom range that ends before it starts or spans more than a year, without calling the API', async () => {
    const user = userEvent.setup();
    renderUsage();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Period' }), 'custom');
    const first = screen.getByLabelText(/First day/);
    const last = screen.getByLabelText(/Last day/);
    await user.click(screen.getByRole('button', { name: 'Generate report' }));
    expect(screen.getByText('Choose the first day')).toBeTruthy();
    expect(screen.getByText('Choose the last day')).toBeTruthy();

    await user.type(first, '2025-03-10');
    await user.type(last, '2025-03-01');
    await user.click(screen.getByRole('button', { name: 'Generate report' }));
    expect(await screen.findByText('The last day cannot be before the first')).toBeTruthy();
    expect(last.getAttribute('aria-invalid')).toBe('true');

    await user.clear(last);
    await user.type(last, '2026-03-12');
    expect(await screen.findByText('A report covers at most one year')).toBeTruthy();
    expect(server.requests()).not.toContain(`POST ${generatePath}`);

    await user.clear(last);
    await user.type(last, '2025-03-31');
    await user.click(screen.getByRole('button', { name: 'Generate report' }));
    const item = await waitFor(reportItem);
    expect(within(item).getByRole('heading').textContent).toMatch(/^Mar 10\s–\s31, 2025$/);
  });

  it('offers no cycle from before the organization existed, and says that none is completed yet', async () => {
    const user = userEvent.setup();
    // Globex was created five days ago, after its last cycle ended: that cycle's report would be empty.
    server.signInAs('sbx_admin_globex');
    signInAs('sbx_admin_globex', [{ organization_id: ORG_IDS.globex, organization_name: 'Globex', role: 'admin' }]);
    renderRoute(`/organizations/${ORG_IDS.globex}/usage`, '/organizations/:organizationId/usage', <UsagePage />);
    const period = await screen.findByRole('combobox', { name: /^Period/ });
    expect(
      within(period)
        .getAllByRole('option')
        .map((option) => option.textContent?.replace(/^.* – /, '')),
    ).toEqual(['today (in progress)', 'Custom range…']);
    expect(within(period).getByRole('option', { selected: true }).textContent).toMatch(/\(in progress\)$/);
    expect(screen.getByText(/^No billing cycle is completed yet: choose the cycle in progress or a custom range\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Generate report' }));
    const item = await waitFor(reportItem);
    const csv = await (
      await fetch(
        within(item)
          .getByRole('link', { name: /^Download CSV for / })
          .getAttribute('href') ?? '',
      )
    ).text();
    expect(csv.trim().split('\n').length).toBeGreaterThan(1);
  });

  it('offers yearly cycles to an organization on a yearly plan', async () => {
    const changed = await fetch(`http://localhost/api/organization/${ORG_IDS.acme}/changePlan`, {
      method: 'POST',
      headers: { Authorization: 'Token sbx_admin_acme', 'Content-Type': 'application/json' },
      body: JSON.stringify({ plan: 'TEAM_YEARLY' }),
    });
    expect(changed.status).toBe(200);
    renderUsage('admin', 'sbx_admin_acme');
    const period = await screen.findByRole('combobox', { name: /^Period/ });
    const cycles = within(within(period).getByRole('group', { name: 'Yearly billing cycles' })).getAllByRole('option');
    // Acme's billing day was 3 days ago and it was created 27 months ago. Its yearly plan starts where the
    // month already billed ends, in under a month: the year in progress and the two before it, a year
    // apart (the oldest began before Acme existed, but ended after).
    expect(cycles).toHaveLength(3);
    const [, last, before] = cycles.map((option) => option.getAttribute('value') ?? '');
    const [lastFrom = '', lastTo = ''] = last?.split('/') ?? [];
    expect(Number(lastTo.slice(0, 4)) - Number(lastFrom.slice(0, 4))).toBe(1);
    expect(before?.split('/')[1]).toBe(lastFrom);
    expect(screen.getByText(/^The yearly billing cycle in progress and the 2 before it/)).toBeTruthy();
  });

  it('refuses a custom last day in the future', async () => {
    const user = userEvent.setup();
    renderUsage();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Period' }), 'custom');
    const tomorrow = isoDay(new Date(Date.now() + DAY_MS));
    await user.type(screen.getByLabelText(/First day/), isoDay(new Date(Date.now() - 10 * DAY_MS)));
    await user.type(screen.getByLabelText(/Last day/), tomorrow);
    await user.click(screen.getByRole('button', { name: 'Generate report' }));
    expect(await screen.findByText('The last day cannot be in the future: usage is known up to today')).toBeTruthy();
    expect(screen.getByLabelText(/Last day/).getAttribute('aria-invalid')).toBe('true');
    expect(server.requests()).not.toContain(`POST ${generatePath}`);
  });

  it('puts the server’s field errors on the form and keeps the choice', async () => {
    const user = userEvent.setup();
    renderUsage();
    const lifetime = await screen.findByRole('combobox', { name: 'Link valid for' });
    await user.selectOptions(lifetime, '7 days');
    server.failNext(generatePath, 400, 'report_expiration_in_seconds: too long for this organization', [
      { field: 'report_expiration_in_seconds', message: 'This organization allows links of at most 3 days' },
    ]);
    await user.click(screen.getByRole('button', { name: 'Generate report' }));
    expect(await screen.findByText('This organization allows links of at most 3 days')).toBeTruthy();
    expect(lifetime.getAttribute('aria-invalid')).toBe('true');
    expect(lifetime).toHaveProperty('value', String(7 * 24 * 3600));
    expect(screen.queryAllByRole('article')).toHaveLength(0);
  });

  it('turns a link expired while the page is open', async () => {
    const now = Date.now();
    const report: StoredReport = {
      id: 'soon',
      ownerId: 'test',
      organizationId: ORG_IDS.acme,
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      createdAt: new Date(now - 3_600_000).toISOString(),
      expiresAt: new Date(now + 1_200).toISOString(),
      reportUrl: 'http://localhost/sandbox/usage-reports/soon/csv?expires=1&signature=x',
      deleteReportUrl: 'http://localhost/sandbox/usage-reports/soon?expires=1&signature=x',
      revokedAt: null,
    };
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify([report, { id: 'not a report' }]));
    reportHistory.reload();
    renderUsage();
    const item = await waitFor(reportItem);
    expect(within(item).getByText('Active')).toBeTruthy();
    // The clock moves past the expiry while the page stays open: the page's own timer notices it.
    vi.setSystemTime(now + 1_500);
    await waitFor(() => expect(within(item).getByText('Expired')).toBeTruthy(), { timeout: 4_000 });
    expect(within(item).getByRole('status').textContent).toMatch(/has expired/);
    expect(within(item).queryByRole('link')).toBeNull();
    await userEvent.setup().click(within(item).getByRole('button', { name: /^Remove the report for / }));
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(window.sessionStorage.getItem(STORAGE_KEY)).toBe('[]');
  });

  it('offers to copy a revoke link on another site instead of calling it, which the console’s CSP forbids', async () => {
    const report: StoredReport = {
      id: 'remote',
      ownerId: 'test',
      organizationId: ORG_IDS.acme,
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      reportUrl: 'https://reports.example/usage/remote/csv?expires=1&signature=x',
      deleteReportUrl: 'https://reports.example/usage/remote?expires=1&signature=x',
      revokedAt: null,
    };
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify([report]));
    reportHistory.reload();
    renderUsage();
    const item = await waitFor(reportItem);
    expect(within(item).queryByRole('button', { name: /^Revoke the link/ })).toBeNull();
    expect(within(item).getByRole('button', { name: /^Copy the revoke link of the report for / })).toBeTruthy();
    expect(within(item).getByText(/Its revoke link is on another site, which this console cannot call/)).toBeTruthy();
    expect(server.requests().some((request) => request.startsWith('DELETE'))).toBe(false);
  });

  it('reads a link’s expiry from its signature, when it carries one', () => {
    expect(signedLinkExpiry('https://reports.example/r/1/csv?expires=1893456000&signature=abc')).toBe('2030-01-01T00:00:00.000Z');
    expect(signedLinkExpiry('/sandbox/usage-reports/1/csv?expires=1893456000')).toBe('2030-01-01T00:00:00.000Z');
    expect(signedLinkExpiry('https://reports.example/r/1/csv?signature=abc')).toBeNull();
    expect(signedLinkExpiry('https://reports.example/r/1/csv?expires=soon')).toBeNull();
  });

  it('explains to a viewer without asking for anything', async () => {
    renderUsage('viewer', 'sbx_viewer_acme');
    expect(await screen.findByRole('heading', { name: 'Usage reports are not available to your role' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Generate report' })).toBeNull();
    expect(server.requests().some((request) => request.includes('currentCost') || request.includes('billingUsageReport'))).toBe(false);
  });
});
