import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { renderRoute, signInAs } from '@/test/render';
import type { Role } from '@/api/permissions';
import { setSession } from '@/lib/session';
import { currentMonthlyPrice, monthlyCents, monthlyChangeCents, OFFERED_PLANS, OLDER_PLANS, planChangedMessage } from './plan-comparison';
import { PLAN_CATALOG } from '@/api/plans';
import { Component as PlanPage } from './plan-route';

const server = setupSandboxServer();
// Loads go through the real server in-process: on a busy machine they take more than the default second.
configure({ asyncUtilTimeout: 4_000 });
const changePlanPath = `/api/organization/${ORG_IDS.acme}/changePlan`;

function renderPlan(role: Role = 'admin', token = 'sbx_admin_acme', organization: 'acme' | 'globex' = 'acme') {
  server.signInAs(token);
  signInAs(token, [{ organization_id: ORG_IDS[organization], organization_name: organization === 'acme' ? 'Acme Corp' : 'Globex', role }]);
  return renderRoute(`/organizations/${ORG_IDS[organization]}/plan`, '/organizations/:organizationId/plan', <PlanPage />);
}

/** The value next to a term of a description list. */
const valueOf = (container: HTMLElement, term: string) => within(container).getByText(term).nextElementSibling?.textContent;

const card = (name: string) => screen.getByRole('article', { name });

describe('plan page', () => {
  it('lays the 2025 plans side by side with their price and the change from the current plan', async () => {
    renderPlan();
    await waitFor(() => expect(within(card('Team')).getByText('Current plan')).toBeTruthy());
    expect(within(card('User')).getByText('$299.00 less per month than your plan')).toBeTruthy();
    expect(within(card('Business')).getByText('$899.00')).toBeTruthy();
    expect(within(card('Business')).getByText('$600.00 more per month than your plan')).toBeTruthy();
    expect(within(card('Enterprise')).getByText('$2,200.00 more per month than your plan')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Switch to / }).map((button) => button.textContent)).toEqual(['Switch to User', 'Switch to Business', 'Switch to Enterprise']);
    // Older plans are listed for reference, never offered.
    const older = screen.getByRole('table', { name: 'Plans no longer offered' });
    expect(within(older).getByRole('rowheader', { name: 'Business (legacy)' })).toBeTruthy();
    expect(within(older).getAllByText('Deprecated: cannot be chosen')).toHaveLength(3);
    expect(within(older).getAllByText('Previous generation: not offered')).toHaveLength(4);
    expect(within(older).queryByRole('button')).toBeNull();
  });

  it('states the new monthly cost before changing, then shows the new plan as current', async () => {
    const user = userEvent.setup();
    renderPlan();
    await user.click(await screen.findByRole('button', { name: 'Switch to Business' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to Business?' });
    expect(within(dialog).getByText('New monthly cost').nextElementSibling?.textContent).toBe('$899.00 / month');
    expect(within(dialog).getByText('$600.00 more per month than your plan.')).toBeTruthy();
    expect(within(dialog).getByText('Audit logs will be kept 90 days instead of 30.')).toBeTruthy();
    // Seeded on March 31 at 23:30 UTC: Acme renews on the 28th at 06:00 UTC, a date in every time zone.
    expect(valueOf(dialog, 'Charged now')).toBe('$0.00');
    expect(valueOf(dialog, 'From the renewal on April 28, 2026')).toBe('$899.00 / month');
    expect(within(dialog).getByText(/^Business applies at once\. The period already billed is neither charged again nor refunded/)).toBeTruthy();
    expect(within(dialog).queryByText(/runs on credit/)).toBeNull();
    expect(within(dialog).queryByText(/trial/)).toBeNull();
    expect(server.requests()).not.toContain(`POST ${changePlanPath}`);

    await user.click(within(dialog).getByRole('button', { name: 'Switch to Business' }));
    await waitFor(() => expect(within(card('Business')).getByText('Current plan')).toBeTruthy());
    expect(screen.queryByRole('dialog')).toBeNull();
    // The Switch button went away with the change: focus lands on the plan now current, not on <body>.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your plan' }));
    expect(within(card('Team')).getByText('$600.00 less per month than your plan')).toBeTruthy();
    const requests = server.requests();
    expect(requests.filter((request) => request === `POST ${changePlanPath}`)).toHaveLength(1);
    // The organization list and the current cost were asked again after the change.
    const changedAt = requests.indexOf(`POST ${changePlanPath}`);
    expect(requests.slice(changedAt)).toEqual(expect.arrayContaining(['GET /api/organization', `GET /api/organization/${ORG_IDS.acme}/currentCost`]));
  });

  it('counts the differences from what the API says is paid now, not from the catalog', async () => {
    const user = userEvent.setup();
    // Acme pays $249.00 for Team (say, a negotiated price): the sandbox's own answer is always the list price.
    server.replyNext(`/api/organization/${ORG_IDS.acme}/currentCost`, {
      plan: 'TEAM_2025',
      renewal_at: '2030-01-18T06:00:00.000Z',
      cost: { total_in_cents: 24_900, total: 249, currency_code: 'USD' },
    });
    renderPlan();
    await waitFor(() => expect(within(card('Business')).getByText('$650.00 more per month than your plan')).toBeTruthy());
    expect(within(card('Team')).getByText('$249.00')).toBeTruthy();
    expect(within(card('User')).getByText('$249.00 less per month than your plan')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Switch to Business' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to Business?' });
    expect(within(dialog).getByText('Now (Team)').nextElementSibling?.textContent).toBe('$249.00 / month');
    expect(within(dialog).getByText('$650.00 more per month than your plan.')).toBeTruthy();
  });

  it('labels the catalog prices as list prices when the console runs against a real backend', async () => {
    const user = userEvent.setup();
    server.signInAs('sbx_admin_acme');
    setSession({ scheme: 'Token', token: 'sbx_admin_acme', sandbox: false, user: null, memberships: null });
    renderRoute(`/organizations/${ORG_IDS.acme}/plan`, '/organizations/:organizationId/plan', <PlanPage />);
    await waitFor(() => expect(within(card('Business')).getByText('$600.00 more per month than your plan, at list price')).toBeTruthy());
    expect(within(card('Business')).getByText(/list price$/, { selector: 'span' })).toBeTruthy();
    expect(screen.getByText(/^List prices in US dollars, before tax, as documented for the sandbox/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Switch to Business' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to Business?' });
    expect(within(dialog).getByText('New monthly cost (list price)').nextElementSibling?.textContent).toBe('$899.00 / month');
    expect(within(dialog).getByText('Now (Team)').nextElementSibling?.textContent).toBe('$299.00 / month');
  });

  it('says that a trial continues on the new plan, and that billing stays invalid without credit', async () => {
    const user = userEvent.setup();
    renderPlan('admin', 'sbx_admin_globex', 'globex');
    expect(await screen.findByText('Renews on April 9, 2026 · Trial: 9 days left')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Switch to Business' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to Business?' });
    expect(valueOf(dialog, 'Charged now')).toBe('$0.00');
    expect(valueOf(dialog, 'From the end of the trial on April 9, 2026')).toBe('$899.00 / month');
    expect(within(dialog).getByText('The trial continues on Business, with 9 days left, as now.')).toBeTruthy();
    // Nothing has been billed during a trial: no "period already billed" to speak of.
    expect(within(dialog).queryByText(/already billed/)).toBeNull();
    expect(within(dialog).getByText('Business applies at once. Nothing is billed during the trial: the new price is billed from its end.')).toBeTruthy();
    expect(within(dialog).getByText('Billing stays invalid')).toBeTruthy();
    expect(
      within(dialog).getByText('During the trial, billing runs on credit, and Globex has no credit left: new deployments stay stopped until a credit code is redeemed.'),
    ).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Switch to Business' }).className).toMatch(/danger/);
  });

  it('waits for the billing status before letting a switch be confirmed', async () => {
    const release = server.holdNext(`/api/organization/${ORG_IDS.acme}/billingStatus`);
    const user = userEvent.setup();
    renderPlan();
    await user.click(await screen.findByRole('button', { name: 'Switch to User' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to User?' });
    expect(within(dialog).getByText('Looking up the renewal date and the billing status…')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Switch to User' }).hasAttribute('disabled')).toBe(true);
    release();
    expect(await within(dialog).findByText('User runs on credit, not on invoices')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Switch to User' }).hasAttribute('disabled')).toBe(false);
  });

  it('warns that a move from a paid plan to User needs credit', async () => {
    const user = userEvent.setup();
    renderPlan();
    await user.click(await screen.findByRole('button', { name: 'Switch to User' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to User?' });
    expect(within(dialog).getByText('New monthly cost').nextElementSibling?.textContent).toBe('$0.00 / month');
    expect(within(dialog).getByText('User runs on credit, not on invoices')).toBeTruthy();
    expect(within(dialog).getByText(/Billing stays valid only while Acme Corp has credit left/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.requests()).not.toContain(`POST ${changePlanPath}`);
  });

  it('keeps the dialog open with the server’s reason when the change fails', async () => {
    const user = userEvent.setup();
    renderPlan();
    await user.click(await screen.findByRole('button', { name: 'Switch to Enterprise' }));
    server.failNext(changePlanPath, 402, 'Your card was declined');
    const dialog = screen.getByRole('dialog', { name: 'Switch to Enterprise?' });
    await user.click(within(dialog).getByRole('button', { name: 'Switch to Enterprise' }));
    expect(await within(dialog).findByText('The plan was not changed: Your card was declined')).toBeTruthy();
    expect(within(card('Team')).getByText('Current plan')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Switch to Enterprise' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows billing managers the plans without the action, and why', async () => {
    renderPlan('billing_manager', 'sbx_billing_acme');
    expect(await screen.findByText('Only admins can change the plan')).toBeTruthy();
    expect(await screen.findByText('You are a billing manager in Acme Corp. Ask one of its admins to switch plans.')).toBeTruthy();
    await waitFor(() => expect(within(card('Team')).getByText('Current plan')).toBeTruthy());
    expect(within(card('Business')).getByText('$899.00')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Switch to / })).toBeNull();
  });
});

describe('plan comparison', () => {
  it('offers only the 2025 plans and lists every other one as older', () => {
    expect(OFFERED_PLANS.map((plan) => plan.id)).toEqual(['USER_2025', 'TEAM_2025', 'BUSINESS_2025', 'ENTERPRISE_2025']);
    expect(OLDER_PLANS.map((plan) => plan.id).sort()).toEqual(['BUSINESS', 'ENTERPRISE', 'ENTERPRISE_YEARLY', 'FREE', 'PROFESSIONAL', 'TEAM', 'TEAM_YEARLY']);
  });

  it('compares yearly plans by their monthly share', () => {
    expect(monthlyCents('TEAM_YEARLY')).toBe(16_583);
    const teamYearly = currentMonthlyPrice('TEAM_YEARLY', { total_in_cents: 199_000, total: 1_990, currency_code: 'USD' });
    expect(teamYearly).toEqual({ cents: 16_583, currency: 'USD' });
    expect(monthlyChangeCents(teamYearly, 'TEAM_2025')).toBe(13_317);
    expect(monthlyChangeCents({ cents: 249_900, currency: 'USD' }, 'USER_2025')).toBe(-249_900);
    // Amounts in different currencies are not compared.
    expect(monthlyChangeCents({ cents: 25_000, currency: 'EUR' }, 'TEAM_2025')).toBeNull();
  });
});

describe('the message once a plan is changed', () => {
  const business = PLAN_CATALOG.BUSINESS_2025;
  it('names the renewal the new price starts from, or the end of a trial', () => {
    const renewal = new Date('2026-04-09T00:00:00Z');
    expect(planChangedMessage('Acme Corp', business, { nextRenewal: renewal, trialDaysLeft: 0 })).toBe(
      'Acme Corp is now on Business: $899.00 per month from the renewal on April 9, 2026',
    );
    expect(planChangedMessage('Globex', business, { nextRenewal: renewal, trialDaysLeft: 9 })).toBe(
      'Globex is now on Business: $899.00 per month from the end of the trial on April 9, 2026',
    );
    expect(planChangedMessage('Acme Corp', business, null)).toBe('Acme Corp is now on Business: $899.00 per month from the next renewal');
  });
});
