import { Hono } from 'hono';
import { ApiError } from '#api/api-error';
import { toQuantity } from '#api/cloud-plans-requests';
import { getorganization, list_billing } from '#api/cloud-plans-operations';
import { cancelsubscription, getpaymentlink, getupdatecardlink, updatesubscription } from '#api/cloud-plans-update-operations';
import type { CloudPlansOperation } from '#api/cloud-plans-operation';
import { authenticate, organizationAccessById } from '../auth';
import type { AppEnv, SandboxContext } from '../context';
import { actorOf } from '../organization-events';
import { CloudPlansRoutes } from './action-routes';
import { checkoutPath, updateCardPath } from './checkout-pages';
import { currentPeriod, formatAmount, type CloudPlansStore } from './store';

/**
 * The Cloud Plans Billing contract over the sandbox's organizations, users and roles, one handler per
 * row of the Cloud Plans table (src/api/cloud-plans-table.ts): who may call each is the row's
 * permission, checked by CloudPlansRoutes with the request's parsing before a handler runs.
 */
export function cloudPlansApiRoutes(ctx: SandboxContext, store: CloudPlansStore): { routes: Hono<AppEnv>; dispatched: ReadonlySet<CloudPlansOperation> } {
  // Links carry a secret: they point to PUBLIC_URL, never to whatever Host the request named.
  const origin = ctx.publicUrl;
  const actions = new CloudPlansRoutes(organizationAccessById(ctx.db, ctx.cache))
    .handle(getorganization, ({ org }) => {
      const subscription = store.activeSubscription(org.id);
      return {
        status: 200,
        response: {
          organization: { resources: store.resources(org.id), name: org.name, id: org.id, owner: store.ownerEmail(org.id) },
          subscription: subscription
            ? {
                payment_exp: subscription.payment_exp,
                plan: subscription.plan,
                quantity: String(subscription.quantity),
                paid_quantity: String(subscription.paid_quantity ?? subscription.quantity),
                period_start: currentPeriod(subscription).start.toISOString(),
              }
            : null,
          payment_method: store.paymentMethod(org.id) ?? null,
        },
      };
    })
    .handle(list_billing, ({ org }) => ({
      status: 200,
      billing_history: store.history(org.id).map((row) => ({
        status: row.status,
        id: row.id,
        organization: row.organization_id,
        date: row.date,
        due_date: row.due_date,
        amount: formatAmount(row.amount_cents),
        description: row.description,
      })),
    }))
    .handle(getpaymentlink, ({ c, org, request }) => {
      const quantity = toQuantity(request.quantity);
      if (store.activeSubscription(org.id)) {
        throw new ApiError(409, `${org.name} already has an active subscription: change its quantity instead`);
      }
      const token = store.createSession('subscribe', org.id, c.get('user').id, quantity, ctx.now(), actorOf(c).origin);
      return { status: 200, response: `${origin}${checkoutPath(token)}` };
    })
    .handle(getupdatecardlink, ({ c, org }) => {
      const token = store.createSession('update_card', org.id, c.get('user').id, null, ctx.now(), actorOf(c).origin);
      return { status: 200, response: `${origin}${updateCardPath(token)}` };
    })
    .handle(updatesubscription, ({ c, org, request }) => {
      const quantity = toQuantity(request.quantity);
      const now = ctx.now();
      const updated = ctx.db.transaction(() => {
        const before = store.activeSubscription(org.id);
        if (!store.updateQuantity(org.id, quantity, now)) return false;
        if (before && before.quantity !== quantity) {
          ctx.events.record(org, actorOf(c), { type: 'UPDATE', subTarget: 'PLAN', change: { quantity }, original: { quantity: before.quantity } }, now);
        }
        return true;
      })();
      if (!updated) {
        throw new ApiError(400, `${org.name} has no active subscription to update: start one first`);
      }
      return { status: 200 };
    })
    .handle(cancelsubscription, ({ c, org, request: { reason } }) => {
      const now = ctx.now();
      const canceled = ctx.db.transaction(() => {
        const before = store.activeSubscription(org.id);
        if (!before || !store.cancel(org.id, reason ? reason : null, now)) return false;
        const original = { plan: before.plan, quantity: before.quantity, status: 'active' };
        ctx.events.record(org, actorOf(c), { type: 'DELETE', subTarget: 'PLAN', change: { status: 'canceled', reason: reason ? reason : null }, original }, now);
        return true;
      })();
      if (!canceled) {
        throw new ApiError(400, `${org.name} has no active subscription to cancel`);
      }
      return { status: 200 };
    });

  const routes = new Hono<AppEnv>();
  routes.use('*', authenticate(ctx.db, ctx.cache));
  routes.route('/', actions.routes());
  return { routes, dispatched: actions.dispatched };
}
