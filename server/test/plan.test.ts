import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingStatusSchema, currentCostSchema, invoiceListSchema, organizationSchema, type Plan } from '#api/contract';
import { creditLeftFromStatus, planChange, type PlanChange } from '#api/plan-change';
import { countRows, createTestApp, errorBody, fieldError, orgPath, ORGS, parsed, type OrgName, type TestApp } from './helpers';

describe('change plan', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp();
  });
  afterEach(() => app.close());

  const change = (plan: unknown) => app.call('POST', orgPath('acme', 'changePlan'), { json: { plan } });
  const currentCost = async () => parsed(await app.call('GET', orgPath('acme', 'currentCost')), 200, currentCostSchema);

  it('changes the plan, which changes the current cost', async () => {
    expect((await currentCost()).cost).toEqual({ total_in_cents: 29_900, total: 299, currency_code: 'USD' });
    const org = parsed(await change('BUSINESS_2025'), 200, organizationSchema);
    expect(org).toMatchObject({ name: 'Acme Corp', plan: 'BUSINESS_2025', organization_plan: { plan: 'BUSINESS_2025', audit_logs_retention_in_days: 90 } });
    expect(await currentCost()).toMatchObject({ plan: 'BUSINESS_2025', cost: { total_in_cents: 89_900, total: 899, currency_code: 'USD' } });
    expect(parsed(await app.call('GET', orgPath('acme')), 200, organizationSchema).plan).toBe('BUSINESS_2025');
  });

  it('refuses a value outside PlanEnum', async () => {
    expect(fieldError(errorBody(await change('GOLD'), 400), 'plan')).toBe('Unknown plan: choose one of the plans listed');
    expect(fieldError(errorBody(await change('team_2025'), 400), 'plan')).toBe('Unknown plan: choose one of the plans listed');
    expect(fieldError(errorBody(await change(undefined), 400), 'plan')).toBe('Choose a plan');
    expect(fieldError(errorBody(await change(2025), 400), 'plan')).toBe('Choose a plan');
  });

  it.each(['FREE', 'BUSINESS', 'PROFESSIONAL'])('refuses the deprecated plan %s and keeps the current one', async (plan) => {
    expect(fieldError(errorBody(await change(plan), 400), 'plan')).toBe('This plan is deprecated and can no longer be chosen: pick a 2025 plan');
    expect((await currentCost()).plan).toBe('TEAM_2025');
  });
});

/**
 * The plan dialog's words are planChange's, computed from what the console reads (the organization's
 * plan, its current cost and its billing status); the sandbox applies the same function. Each switch
 * below is first described that way, then made, then checked against what the API answers after it.
 */
describe('a plan change does what the dialog says it does', () => {
  const ADMIN = { acme: 'adminAcme', globex: 'adminGlobex' } as const;

  async function read(app: TestApp, org: OrgName) {
    const token = ADMIN[org];
    return {
      plan: parsed(await app.call('GET', orgPath(org), { token }), 200, organizationSchema).plan,
      cost: parsed(await app.call('GET', orgPath(org, 'currentCost'), { token }), 200, currentCostSchema),
      status: parsed(await app.call('GET', orgPath(org, 'billingStatus'), { token }), 200, billingStatusSchema),
      invoices: parsed(await app.call('GET', orgPath(org, 'invoice'), { token }), 200, invoiceListSchema).results?.length ?? 0,
    };
  }

  async function switchPlan(app: TestApp, org: OrgName, to: Plan): Promise<PlanChange> {
    const before = await read(app, org);
    if (!before.plan) throw new Error('the organization has no plan');
    const inTrial = (before.cost.remaining_trial_day ?? 0) > 0;
    const said = planChange({
      from: before.plan,
      to,
      nextRenewal: before.cost.renewal_at ? new Date(before.cost.renewal_at) : null,
      inTrial,
      creditLeft: creditLeftFromStatus(before.plan, inTrial, before.status),
    });
    parsed(await app.call('POST', orgPath(org, 'changePlan'), { token: ADMIN[org], json: { plan: to } }), 200, organizationSchema);
    const after = await read(app, org);
    const step = `${before.plan} -> ${to}`;
    expect(after.plan, step).toBe(to);
    // Nothing charged now: no invoice; the new price from the renewal the dialog named.
    expect(said.chargedNowMinor, step).toBe(0);
    expect(after.invoices, step).toBe(before.invoices);
    expect(after.cost.cost, step).toMatchObject({ total_in_cents: said.price.minor, currency_code: said.price.currency });
    expect(after.cost.renewal_at, step).toBe(said.priceFrom?.toISOString());
    // The trial keeps its end.
    expect(after.cost.remaining_trial_day ?? 0, step).toBe(before.cost.remaining_trial_day ?? 0);
    expect((after.cost.remaining_trial_day ?? 0) > 0, step).toBe(said.trialContinues);
    if (said.billing.by === 'credit') {
      // Where the console could not know the credit, the dialog said "valid only with credit left".
      const creditLeft = said.billing.valid ?? countRows(app.db, 'organizations', 'id = ? AND credit_cents > 0', ORGS[org]) === 1;
      expect(after.status.is_valid, step).toBe(creditLeft);
    } else {
      expect(after.status.message, step).not.toMatch(/credit/);
    }
    return said;
  }

  const redeem = async (app: TestApp, org: OrgName, code: string) =>
    expect((await app.call('POST', orgPath(org, 'creditCode'), { token: ADMIN[org], json: { code } })).status).toBe(200);

  it('moves a paid organization between plans, yearly ones included, and onto credit it may not have', async () => {
    const app = createTestApp();
    try {
      const renewal = (await read(app, 'acme')).cost.renewal_at;
      expect(await switchPlan(app, 'acme', 'BUSINESS_2025')).toMatchObject({ reanchor: false, billing: { by: 'invoice' } });
      // A yearly plan starts where the month already billed ends, then renews every year from there.
      expect(await switchPlan(app, 'acme', 'TEAM_YEARLY')).toMatchObject({ reanchor: true, price: { minor: 199_000, period: 'year' } });
      expect((await read(app, 'acme')).cost.renewal_at).toBe(renewal);
      // Acme is billed by invoice: the console cannot know it has no credit, and says billing depends on it.
      expect(await switchPlan(app, 'acme', 'USER_2025')).toMatchObject({ reanchor: true, billing: { by: 'credit', valid: null } });
      expect((await read(app, 'acme')).status.is_valid).toBe(false);
      expect(await switchPlan(app, 'acme', 'TEAM_2025')).toMatchObject({ billing: { by: 'invoice' } });
      await redeem(app, 'acme', 'WELCOME100');
      expect(await switchPlan(app, 'acme', 'USER_2025')).toMatchObject({ billing: { by: 'credit', valid: null } });
      expect((await read(app, 'acme')).status.is_valid).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('keeps a trial going on the new plan, and knows from the billing status when there is no credit', async () => {
    const app = createTestApp();
    try {
      expect(await switchPlan(app, 'globex', 'USER_2025')).toMatchObject({ trialContinues: true, billing: { by: 'credit', valid: false } });
      expect(await switchPlan(app, 'globex', 'BUSINESS_2025')).toMatchObject({ trialContinues: true, billing: { by: 'credit', valid: false } });
      await redeem(app, 'globex', 'WELCOME100');
      expect(await switchPlan(app, 'globex', 'ENTERPRISE_2025')).toMatchObject({ trialContinues: true, billing: { by: 'credit', valid: true } });
    } finally {
      await app.close();
    }
  });

  it('keeps the renewal day of a monthly plan on the 31st after a switch, without drifting to the 28th', async () => {
    // Seeded on February 3: Acme renews on the 31st (January 31, 06:00 UTC), so next on February 28.
    const app = createTestApp({ now: new Date('2027-02-03T12:00:00.000Z') });
    try {
      expect((await switchPlan(app, 'acme', 'BUSINESS_2025')).priceFrom?.toISOString()).toBe('2027-02-28T06:00:00.000Z');
      app.clock.set(new Date('2027-03-01T12:00:00.000Z'));
      expect((await read(app, 'acme')).cost.renewal_at).toBe('2027-03-31T06:00:00.000Z');
    } finally {
      await app.close();
    }
  });
});
