import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingStatusSchema, currentCostSchema, organizationListSchema, organizationSchema } from '#api/contract';
import { clusterListSchema, costRangeSchema } from '#api/contract-clusters';
import { stableUuid } from '../db/ids';
import { createTestApp, errorBody, orgPath, ORGS, parsed, type TestApp } from './helpers';
import { RESOURCES } from './operations';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const DAY_MS = 24 * 3600 * 1000;

describe('organizations and clusters', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp({ now: NOW });
  });
  afterEach(() => app.close());

  it('lists the organizations the caller belongs to, by name', async () => {
    const admin = parsed(await app.call('GET', '/api/organization', { token: 'adminAcme' }), 200, organizationListSchema);
    expect(admin.results?.map((org) => [org.name, org.id])).toEqual([
      ['Acme Corp', ORGS.acme],
      ['Globex', ORGS.globex],
    ]);
    const finance = parsed(await app.call('GET', '/api/organization', { token: 'billingAcme', scheme: 'Token' }), 200, organizationListSchema);
    expect(finance.results?.map((org) => org.name)).toEqual(['Acme Corp']);
    const globex = parsed(await app.call('GET', '/api/organization', { token: 'adminGlobex' }), 200, organizationListSchema);
    expect(globex.results?.map((org) => org.name)).toEqual(['Globex']);
  });

  it('gets an organization with its plan, owner and deployment restriction', async () => {
    const acme = parsed(await app.call('GET', orgPath('acme')), 200, organizationSchema);
    expect(acme).toMatchObject({
      id: ORGS.acme,
      name: 'Acme Corp',
      plan: 'TEAM_2025',
      owner: stableUuid('user:admin@acme.test'),
      billing_deployment_restriction: null,
      organization_plan: { plan: 'TEAM_2025', audit_logs_retention_in_days: 30 },
    });
    // Globex is a trial without a card: deployments are limited to demo clusters.
    const globex = parsed(await app.call('GET', orgPath('globex'), { token: 'adminGlobex' }), 200, organizationSchema);
    expect(globex).toMatchObject({ name: 'Globex', billing_deployment_restriction: 'NO_CREDIT_CARD', owner: stableUuid('user:admin@globex.test') });

    // Who can help a member whose role cannot do something: the organization's admins.
    expect(acme.admin_emails).toEqual(['admin@acme.test']);
    expect(globex.admin_emails).toEqual(['admin@globex.test']);

    errorBody(await app.call('GET', '/api/organization/00000000-0000-4000-8000-000000000000'), 404);
    errorBody(await app.call('GET', '/api/organization/acme'), 404);
    errorBody(await app.call('GET', orgPath('acme'), { token: null }), 401);
  });

  it("lists an organization's clusters", async () => {
    const { results = [] } = parsed(await app.call('GET', orgPath('acme', 'cluster')), 200, clusterListSchema);
    expect(results.map((cluster) => cluster.name).sort()).toEqual(['analytics-gcp', 'production-eu', 'staging-us']);
    for (const cluster of results) expect(cluster.organization.id).toBe(ORGS.acme);
    expect(results.find((cluster) => cluster.name === 'production-eu')).toMatchObject({
      id: RESOURCES.acme.clusterId,
      cloud_provider: 'AWS',
      region: 'eu-west-3',
      min_running_nodes: 3,
      max_running_nodes: 8,
      is_default: true,
      production: true,
      estimated_cloud_provider_cost: 622,
    });
    const globex = parsed(await app.call('GET', orgPath('globex', 'cluster'), { token: 'adminGlobex' }), 200, clusterListSchema);
    expect(globex.results).toEqual([expect.objectContaining({ id: RESOURCES.globex.clusterId, is_demo: true, cloud_provider: 'SCW' })]);
  });

  it("gives a cluster's cost range from the price list, and 404 for unknown or foreign clusters", async () => {
    const cost = parsed(await app.call('GET', orgPath('acme', `cluster/${RESOURCES.acme.clusterId}/currentCost`)), 200, costRangeSchema);
    // production-eu: AWS control plane $73.00 + T3A_XLARGE nodes at $109.79; 3 to 8 nodes, 5 running.
    expect(cost).toEqual({
      total_in_cents: 7_300 + 5 * 10_979,
      total: 621.95,
      currency_code: 'USD',
      min_cost_in_cents: 7_300 + 3 * 10_979,
      min_cost: 402.37,
      max_cost_in_cents: 7_300 + 8 * 10_979,
      max_cost: 951.32,
    });
    errorBody(await app.call('GET', orgPath('acme', `cluster/${stableUuid('cluster:nope')}/currentCost`)), 404);
    errorBody(await app.call('GET', orgPath('acme', 'cluster/not-a-uuid/currentCost')), 404);
    errorBody(await app.call('GET', orgPath('acme', `cluster/${RESOURCES.globex.clusterId}/currentCost`)), 404);
  });

  it('gives the current cost of the plan, its renewal and the trial days left', async () => {
    const acme = parsed(await app.call('GET', orgPath('acme', 'currentCost')), 200, currentCostSchema);
    expect(acme).toMatchObject({ plan: 'TEAM_2025', remaining_trial_day: 0, cost: { total_in_cents: 29_900, total: 299, currency_code: 'USD' } });
    const renewal = Date.parse(acme.renewal_at ?? '');
    expect(renewal).toBeGreaterThan(NOW.getTime());
    expect(renewal - NOW.getTime()).toBeLessThanOrEqual(31 * DAY_MS);

    // Globex's 14-day trial started 5 days ago.
    const globex = parsed(await app.call('GET', orgPath('globex', 'currentCost'), { token: 'adminGlobex' }), 200, currentCostSchema);
    expect(globex).toMatchObject({ plan: 'TEAM_2025', remaining_trial_day: 9, renewal_at: new Date(NOW.getTime() + 9 * DAY_MS).toISOString() });
  });

  it('keeps renewing on the seeded renewal day after shorter months', async () => {
    // Seeded on Feb 3, Acme's billing day is Jan 31.
    const monthEnd = createTestApp({ now: new Date('2026-02-03T12:00:00.000Z') });
    try {
      const renewal = async () => parsed(await monthEnd.call('GET', orgPath('acme', 'currentCost')), 200, currentCostSchema).renewal_at;
      expect(await renewal()).toBe('2026-02-28T06:00:00.000Z');
      monthEnd.clock.set(new Date('2026-03-05T12:00:00.000Z'));
      expect(await renewal()).toBe('2026-03-31T06:00:00.000Z');
      monthEnd.clock.set(new Date('2026-05-01T12:00:00.000Z'));
      expect(await renewal()).toBe('2026-05-31T06:00:00.000Z');
    } finally {
      await monthEnd.close();
    }
  });

  it('reports billing status by the 7-day unpaid rule and the no-credit rule', async () => {
    const acme = parsed(await app.call('GET', orgPath('acme', 'billingStatus')), 200, billingStatusSchema);
    expect(acme.is_valid).toBe(true);
    expect(acme.message).toMatch(/is unpaid: billing becomes invalid in 2 days/);

    // The unpaid invoice was issued 5 days ago: 3 days later it is 8 days old.
    app.clock.advance(3 * DAY_MS);
    const late = parsed(await app.call('GET', orgPath('acme', 'billingStatus')), 200, billingStatusSchema);
    expect(late.is_valid).toBe(false);
    expect(late.message).toMatch(/has been unpaid for 8 days/);

    const globex = parsed(await app.call('GET', orgPath('globex', 'billingStatus'), { token: 'adminGlobex' }), 200, billingStatusSchema);
    expect(globex).toEqual({ is_valid: false, message: 'Globex is on a trial with no credit left. Redeem a credit code to keep deploying.' });
  });

  it('answers the health check without a token', async () => {
    const result = await app.call('GET', '/api/health', { token: null });
    expect(result.json).toEqual({ status: 'ok', backend: 'sandbox', time: app.clock.now().toISOString() });
  });
});
