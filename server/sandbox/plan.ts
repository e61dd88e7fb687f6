import { Hono } from 'hono';
import { ApiError } from '../../src/api/api-error';
import { planChange } from '../../src/api/plan-change';
import { changePlanRequestSchema } from '../../src/api/plan-change';
import { isPlan } from '../../src/api/plans';
import { parseJsonBody } from '../http/body';
import type { RequireOrganization } from './auth';
import { hasCreditLeft, isInTrial, nextRenewal, planInfo, type BillingRules } from './billing-rules';
import type { AppEnv, OrganizationRow, SandboxContext } from './context';
import { actorOf } from './organization-events';

export function planRoutes(ctx: SandboxContext, requireOrganization: RequireOrganization, rules: BillingRules) {
  const update = ctx.db.prepare('UPDATE organizations SET plan = ?, renewal_at = ?, updated_at = ? WHERE id = ?');
  const find = ctx.db.prepare<[string], OrganizationRow>('SELECT * FROM organizations WHERE id = ?');

  const routes = new Hono<AppEnv>();
  routes.post('/organization/:organizationId/changePlan', async (c) => {
    const org = requireOrganization(c, 'plan:change');
    const { plan } = await parseJsonBody(c, changePlanRequestSchema);
    // The schema refused anything else; this tells the type checker.
    if (!isPlan(plan)) throw new ApiError(400, 'Unknown plan: choose one of the plans listed');
    const now = ctx.now();
    // What the console's dialog said the switch would do: nothing charged now, the new price from the
    // current plan's next renewal, the trial kept, billing judged by the new plan's rule.
    const effect = planChange({ from: planInfo(org.plan).id, to: plan, nextRenewal: nextRenewal(org, now), inTrial: isInTrial(org, now), creditLeft: hasCreditLeft(org) });
    const renewalAnchor = effect.reanchor && effect.priceFrom ? effect.priceFrom.toISOString() : org.renewal_at;
    const updated = ctx.db.transaction(() => {
      update.run(plan, renewalAnchor, now.toISOString(), org.id);
      if (plan !== org.plan) ctx.events.record(org, actorOf(c), { type: 'UPDATE', subTarget: 'PLAN', change: { plan }, original: { plan: org.plan } }, now);
      return find.get(org.id) ?? { ...org, plan, renewal_at: renewalAnchor };
    })();
    return c.json(rules.organization(updated, now));
  });
  return routes;
}
