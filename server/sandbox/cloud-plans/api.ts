import { Hono, type Context } from 'hono';
import { IncomingMessage } from 'node:http';
import { ApiError } from '#api/api-error';
import { organizationRequestSchema } from '#api/cloud-plans-organization-request';
import { cancelSubscriptionRequestSchema, quantityRequestSchema, toQuantity } from '#api/cloud-plans-requests';
import {
  DESCRIBE_ACTIONS,
  HISTORY_ACTIONS,
  UPDATE_ACTIONS,
  type BillingHistoryResponse,
  type DescribeBillingResponse,
  type LinkResponse,
  type StatusResponse,
} from '#api/cloud-plans';
import type { Permission } from '#api/permissions';
import { MAX_BODY_BYTES, parseWithSchema } from '../../http/body';
import { authenticate, organizationAccessById } from '../auth';
import type { AppEnv, MemberOrganization, SandboxContext } from '../context';
import { actorOf } from '../organization-events';
import { checkoutPath, updateCardPath } from './checkout-pages';
import { currentPeriod, formatAmount, type CloudPlansStore } from './store';

/** The request's parameters that the contract lets callers send either way. */
const PARAMETERS = ['org_id', 'quantity', 'reason'] as const;

function incomingOf(env: unknown): IncomingMessage | null {
  return typeof env === 'object' && env !== null && 'incoming' in env && env.incoming instanceof IncomingMessage ? env.incoming : null;
}

function readStream(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    incoming.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new ApiError(413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    incoming.on('error', reject);
  });
}

/**
 * The body's text. `describe` documents org_id in a GET body, which the Fetch API's Request cannot
 * carry: on Node the server reads it from the raw request instead.
 */
async function bodyText(c: Context<AppEnv>): Promise<string> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.req.text();
  const env: unknown = c.env;
  const incoming = incomingOf(env);
  if (!incoming || incoming.readableEnded) return '';
  const length = Number(incoming.headers['content-length'] ?? 0);
  if (length > MAX_BODY_BYTES) throw new ApiError(413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`);
  if (length === 0 && incoming.headers['transfer-encoding'] === undefined) return '';
  return readStream(incoming);
}

/**
 * Merges the query string and the JSON body: the contract puts org_id and quantity in one or the
 * other depending on the operation, so both are accepted everywhere; a parameter sent both ways
 * with two different values is refused rather than guessed.
 */
async function readInput(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const text = await bodyText(c);
  let body: unknown = {};
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'The request body is not valid JSON');
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'The request body must be a JSON object');
  const input: Record<string, unknown> = { ...body };
  for (const name of PARAMETERS) {
    const fromQuery = c.req.query(name);
    if (fromQuery === undefined) continue;
    const fromBody = input[name];
    const sentInBody = typeof fromBody === 'string' || typeof fromBody === 'number' ? String(fromBody) : JSON.stringify(fromBody);
    if (fromBody !== undefined && sentInBody !== fromQuery) {
      throw new ApiError(400, `${name} differs between the query string and the body: send it once`, [{ field: name, message: 'Sent twice with different values' }]);
    }
    input[name] = fromQuery;
  }
  return input;
}

function requireAction<const Action extends string>(c: Context<AppEnv>, allowed: readonly Action[], operation: string): Action {
  const action = c.req.query('action');
  const expected = allowed.map((name) => `action=${name}`).join(', ');
  if (action === undefined || action === '') throw new ApiError(400, `The action query parameter is required: ${operation} accepts ${expected}`);
  const found = allowed.find((name) => name === action);
  if (!found) throw new ApiError(400, `Unknown action "${action}": ${operation} accepts ${expected}`);
  return found;
}

const ROUTES: Record<string, string> = { '/describe': 'GET', '/history': 'GET', '/update': 'POST' };

/**
 * The Cloud Plans Billing contract over the sandbox's organizations, users and roles: describe and
 * history for admins and billing managers, the update-card link too, and starting, changing or
 * canceling the subscription for admins only.
 */
export function cloudPlansApiRoutes(ctx: SandboxContext, store: CloudPlansStore) {
  const requireOrganizationById = organizationAccessById(ctx.db, ctx.cache);
  const routes = new Hono<AppEnv>();
  routes.use('*', authenticate(ctx.db, ctx.cache));

  /** org_id, membership (404) and role (403) come first, so that no one learns more than they may. */
  async function organizationFor(c: Context<AppEnv>, permission: Permission): Promise<{ org: MemberOrganization; input: Record<string, unknown> }> {
    const input = await readInput(c);
    const { org_id: organizationId } = parseWithSchema(organizationRequestSchema, input);
    return { org: requireOrganizationById(c, organizationId, permission), input };
  }

  routes.get('/describe', async (c) => {
    requireAction(c, DESCRIBE_ACTIONS, 'GET /describe');
    const { org } = await organizationFor(c, 'subscription:read');
    const subscription = store.activeSubscription(org.id);
    const body: DescribeBillingResponse = {
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
    return c.json(body);
  });

  routes.get('/history', async (c) => {
    requireAction(c, HISTORY_ACTIONS, 'GET /history');
    const { org } = await organizationFor(c, 'subscription:read');
    const body: BillingHistoryResponse = {
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
    };
    return c.json(body);
  });

  routes.post('/update', async (c) => {
    const action = requireAction(c, UPDATE_ACTIONS, 'POST /update');
    const now = ctx.now();
    // Links carry a secret: they point to PUBLIC_URL, never to whatever Host the request named.
    const origin = ctx.publicUrl;

    switch (action) {
      case 'getpaymentlink': {
        const { org, input } = await organizationFor(c, 'subscription:manage');
        const quantity = toQuantity(parseWithSchema(quantityRequestSchema, input).quantity);
        if (store.activeSubscription(org.id)) {
          throw new ApiError(409, `${org.name} already has an active subscription: change its quantity instead`);
        }
        const token = store.createSession('subscribe', org.id, c.get('user').id, quantity, now, actorOf(c).origin);
        const body: LinkResponse = { status: 200, response: `${origin}${checkoutPath(token)}` };
        return c.json(body);
      }
      case 'getupdatecardlink': {
        const { org } = await organizationFor(c, 'subscription:update-card');
        const token = store.createSession('update_card', org.id, c.get('user').id, null, now, actorOf(c).origin);
        const body: LinkResponse = { status: 200, response: `${origin}${updateCardPath(token)}` };
        return c.json(body);
      }
      case 'updatesubscription': {
        const { org, input } = await organizationFor(c, 'subscription:manage');
        const quantity = toQuantity(parseWithSchema(quantityRequestSchema, input).quantity);
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
        const body: StatusResponse = { status: 200 };
        return c.json(body);
      }
      case 'cancelsubscription': {
        const { org, input } = await organizationFor(c, 'subscription:manage');
        const { reason } = parseWithSchema(cancelSubscriptionRequestSchema, input);
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
        const body: StatusResponse = { status: 200 };
        return c.json(body);
      }
    }
  });

  routes.all('*', (c) => {
    const path = c.req.path.replace(/^.*\/organizations\/billing/, '');
    const method = ROUTES[path];
    if (method) {
      c.header('Allow', method);
      throw new ApiError(405, `Use ${method} for ${path}`);
    }
    throw new ApiError(404, `No Cloud Plans operation at ${path}: use GET /describe, GET /history or POST /update`);
  });

  return routes;
}
