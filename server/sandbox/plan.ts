import { ApiError } from '#api/api-error';
import { planChange } from '#api/plan-change';
import { changePlan } from '#api/operation-actions';
import { isPlan } from '#api/plans';
import { hasCreditLeft, isInTrial, nextRenewal, planInfo, type BillingRules } from './billing-rules';
import type { OrganizationRow, SandboxContext } from './context';
import type { OperationRoutes } from './operation-routes';
import { actorOf } from './organization-events';

export function planRoutes(ctx: SandboxContext, routes: OperationRoutes, rules: BillingRules): void {
  const update = ctx.db.prepare('UPDATE organizations SET plan = ?, renewal_at = ?, updated_at = ? WHERE id = ?');
  const find = ctx.db.prepare<[string], OrganizationRow>('SELECT * FROM organizations WHERE id = ?');

  routes.mountWithBody(changePlan, ({ c, org, body: { plan } }) => {
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
    return rules.organization(updated, now);
  });
}
