import { Hono, type Context } from 'hono';
import { ApiError } from '#api/api-error';
import { CLOUD_PLANS_BASE } from '#api/cloud-plans';
import type { CloudPlansAnswerOf, CloudPlansOperation, CloudPlansRequestOf } from '#api/cloud-plans-operation';
import { organizationRequestSchema } from '#api/cloud-plans-organization-request';
import { CLOUD_PLANS_OPERATIONS } from '#api/cloud-plans-table';
import { parseWithSchema } from '../../http/body';
import type { RequireOrganizationById } from '../auth';
import type { AppEnv, MemberOrganization } from '../context';
import { readRequestFields } from './request-fields';

/** What a handler gets: org_id's organization, the caller's role there having the row's permission, and the request parsed with the row's schema. */
export interface CloudPlansInput<Op extends CloudPlansOperation> {
  c: Context<AppEnv>;
  org: MemberOrganization;
  request: CloudPlansRequestOf<Op>;
}

export type CloudPlansHandler<Op extends CloudPlansOperation> = (input: CloudPlansInput<Op>) => CloudPlansAnswerOf<Op> | Promise<CloudPlansAnswerOf<Op>>;

const TABLE: readonly CloudPlansOperation[] = CLOUD_PLANS_OPERATIONS;

type Dispatch = (c: Context<AppEnv>, org: MemberOrganization, fields: Record<string, unknown>) => Promise<Response>;

/** Where the sandbox serves a row, relative to CLOUD_PLANS_BASE: /v1/organizations/billing/update is /update. */
function routePath(row: CloudPlansOperation): string {
  const served = `/api${row.path}`;
  if (!served.startsWith(`${CLOUD_PLANS_BASE}/`)) throw new Error(`${row.action}: ${row.path} is not under ${CLOUD_PLANS_BASE}`);
  return served.slice(CLOUD_PLANS_BASE.length);
}

/** A path of the contract, the method it takes and its rows, in the table's order. */
interface Route {
  path: string;
  method: CloudPlansOperation['method'];
  rows: CloudPlansOperation[];
}

function routesOf(table: readonly CloudPlansOperation[]): Route[] {
  const routes: Route[] = [];
  for (const row of table) {
    const path = routePath(row);
    const route = routes.find((candidate) => candidate.path === path);
    if (!route) routes.push({ path, method: row.method, rows: [row] });
    else if (route.method !== row.method) throw new Error(`${row.action}: ${path} takes ${route.method}, not ${row.method}`);
    else route.rows.push(row);
  }
  return routes;
}

/** "a, b or c". */
function either(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

/**
 * Dispatches the Cloud Plans table (src/api/cloud-plans-table.ts): one route per path, where the
 * `action` query parameter picks the row (400 when it is missing or not one of the path's), then
 * org_id's organization is checked for the caller's membership (404) and the row's permission
 * (403), then the request is parsed with the row's schema (400 naming each field), and only then the
 * row's handler runs, which keeps its business rule and its SQL. Another method at a path is a 405
 * with Allow, another path a 404. Authentication is the app's, before it.
 */
export class CloudPlansRoutes {
  /** The rows that have a handler (checked against the table by server/test/cloud-plans-table.test.ts). */
  readonly dispatched = new Set<CloudPlansOperation>();
  private readonly handlers = new Map<CloudPlansOperation, Dispatch>();
  /** Every request field of the contract: each is accepted from the query string or the body, on every operation. */
  private readonly parameters = [...new Set(TABLE.flatMap((row) => Object.keys(row.request.shape)))];

  constructor(private readonly requireOrganizationById: RequireOrganizationById) {}

  handle<Op extends CloudPlansOperation>(operation: Op, handler: CloudPlansHandler<Op>): this {
    if (!TABLE.includes(operation)) throw new Error(`${operation.action} is not a row of the Cloud Plans table`);
    this.dispatched.add(operation);
    this.handlers.set(operation, async (c, org, fields) => {
      const request = parseWithSchema<Op['request']>(operation.request, fields);
      return c.json(await handler({ c, org, request }));
    });
    return this;
  }

  /** The Hono routes of the whole table, once every row has its handler. */
  routes(): Hono<AppEnv> {
    const missing = TABLE.filter((row) => !this.handlers.has(row)).map((row) => row.action);
    if (missing.length > 0) throw new Error(`Cloud Plans rows without a handler: ${missing.join(', ')}`);
    const routes = routesOf(TABLE);
    const app = new Hono<AppEnv>();
    for (const route of routes) app.on(route.method, route.path, (c) => this.dispatch(c, route));
    app.all('*', (c) => {
      const path = c.req.path.replace(/^.*\/organizations\/billing/, '');
      const method = routes.find((route) => route.path === path)?.method;
      if (method) {
        c.header('Allow', method);
        throw new ApiError(405, `Use ${method} for ${path}`);
      }
      throw new ApiError(404, `No Cloud Plans operation at ${path}: use ${either(routes.map((route) => `${route.method} ${route.path}`))}`);
    });
    return app;
  }

  private async dispatch(c: Context<AppEnv>, route: Route): Promise<Response> {
    const operation = this.rowFor(c, route);
    const handler = this.handlers.get(operation);
    if (!handler) throw new Error(`${operation.action} has no handler`);
    // org_id, membership (404) and role (403) come before the rest of the request, so that no one learns more than they may.
    const fields = await readRequestFields(c, this.parameters);
    const { org_id: organizationId } = parseWithSchema(organizationRequestSchema, fields);
    return handler(c, this.requireOrganizationById(c, organizationId, operation.permission), fields);
  }

  private rowFor(c: Context<AppEnv>, route: Route): CloudPlansOperation {
    const action = c.req.query('action');
    const operation = `${route.method} ${route.path}`;
    const expected = route.rows.map((row) => `action=${row.action}`).join(', ');
    if (action === undefined || action === '') throw new ApiError(400, `The action query parameter is required: ${operation} accepts ${expected}`);
    const found = route.rows.find((row) => row.action === action);
    if (!found) throw new ApiError(400, `Unknown action "${action}": ${operation} accepts ${expected}`);
    return found;
  }
}
