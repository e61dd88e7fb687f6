import { Hono } from 'hono';
import { changePlanRequestSchema } from '../../src/api/plans';
import { parseJsonBody } from '../http/body';
import type { RequireOrganization } from './auth';
import type { BillingRules } from './billing-rules';
import type { AppEnv, OrganizationRow, SandboxContext } from './context';

export function planRoutes(ctx: SandboxContext, requireOrganization: RequireOrganization, rules: BillingRules) {
  const update = ctx.db.prepare('UPDATE organizations SET plan = ?, updated_at = ? WHERE id = ?');
  const find = ctx.db.prepare<[string], OrganizationRow>('SELECT * FROM organizations WHERE id = ?');

  const routes = new Hono<AppEnv>();
  routes.post('/organization/:organizationId/changePlan', async (c) => {
    const org = requireOrganization(c, 'plan:change');
    const { plan } = await parseJsonBody(c, changePlanRequestSchema);
    const now = ctx.now();
    update.run(plan, now.toISOString(), org.id);
    const updated = find.get(org.id) ?? { ...org, plan };
    return c.json(rules.organization(updated, now));
  });
  return routes;
}
