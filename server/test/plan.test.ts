import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentCostSchema, organizationSchema } from '../../src/api/contract';
import { createTestApp, errorBody, fieldError, orgPath, parsed, type TestApp } from './helpers';

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
