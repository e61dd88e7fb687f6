import { Hono, type Context } from 'hono';
import { validator } from 'hono/validator';
import type * as z from 'zod/mini';
import type { AnswerOf, Operation, PathParams } from '#api/operation';
import type { Permission } from '#api/permissions';
import { bufferJsonBody, parseWithSchema } from '../http/body';
import type { RequireOrganization } from './auth';
import type { AppEnv, MemberOrganization } from './context';

/** What a handler gets: its organization with the permission checked, its path's values, its validated body and query. */
export interface OperationInput<Op extends Operation, Body, Query = undefined> {
  c: Context<AppEnv>;
  /** The path's organization, the caller a member whose role has the row's permission. */
  org: MemberOrganization;
  param: (name: PathParams<Op['path']>) => string;
  body: Body;
  /** The query string parsed with the row's `query` schema (400 naming each parameter); undefined for a row without one. */
  query: Query;
}

/** What a handler answers: the row's answer (sent with its success status), or a Response it built itself. */
type Answer<Op extends Operation> = AnswerOf<Op> | Response;
export type OperationHandler<Op extends Operation, Body, Query = undefined> = (input: OperationInput<Op, Body, Query>) => Answer<Op> | Promise<Answer<Op>>;

/** The contract's path template in Hono's syntax: /organization/{organizationId} is /organization/:organizationId. */
export function routePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** A row about one organization: its permission is checked against the caller's role there. */
type Scoped = Operation & { permission: Permission };

/**
 * Mounts the rows of the operation table (src/api/operation-table.ts) on a Hono app, each at its
 * path and method: the caller's organization and role are checked first (404, then 403), then the
 * body with the row's shared schema through Hono's validator (400 naming each field), and only then
 * the handler, which keeps its business rule and its SQL. Authentication is the app's, before it.
 */
export class OperationRoutes {
  readonly routes = new Hono<AppEnv>();
  readonly mounted = new Set<Operation>();

  constructor(private readonly requireOrganization: RequireOrganization) {}

  private access(operation: Scoped) {
    return async (c: Context<AppEnv>, next: () => Promise<void>) => {
      // Who may call comes before what they sent: a viewer learns nothing from a 400.
      c.set('organization', this.requireOrganization(c, operation.permission));
      await next();
    };
  }

  private answer<Op extends Operation>(operation: Op, c: Context<AppEnv>, result: Answer<Op>): Response {
    if (result instanceof Response) return result;
    if (operation.answer === null && operation.extension === undefined) return c.body(null, operation.success ?? 200);
    return c.body(JSON.stringify(result), operation.success === 201 ? 201 : 200, { 'Content-Type': 'application/json' });
  }

  /** An operation that is not about one organization (listOrganization): the caller is only authenticated. */
  mountForUser<Op extends Operation & { permission: null; body?: undefined }>(operation: Op, handler: (c: Context<AppEnv>) => AnswerOf<Op>): this {
    this.mounted.add(operation);
    this.routes.on(operation.method, routePath(operation.path), (c) => this.answer(operation, c, handler(c)));
    return this;
  }

  /** An operation without a request body. */
  mount<Op extends Scoped & { body?: undefined; query?: undefined }>(operation: Op, handler: OperationHandler<Op, undefined>): this {
    this.mounted.add(operation);
    this.routes.on(operation.method, routePath(operation.path), this.access(operation), async (c) => {
      const result = await handler({ c, org: c.get('organization'), param: (name) => c.req.param(name) ?? '', body: undefined, query: undefined });
      return this.answer(operation, c, result);
    });
    return this;
  }

  /** An operation without a request body whose query parameters (filters, paging) the row's `query` schema parses. */
  mountWithQuery<Op extends Scoped & { body?: undefined; query: z.ZodMiniObject }>(operation: Op, handler: OperationHandler<Op, undefined, z.output<Op['query']>>): this {
    this.mounted.add(operation);
    // Through Hono's validator, after the role: a viewer learns nothing from a 400 either.
    const validate = validator('query', (value) => parseWithSchema<Op['query']>(operation.query, value));
    const run = async (c: Context<AppEnv, string, { out: { query: z.output<Op['query']> } }>) => {
      const result = await handler({ c, org: c.get('organization'), param: (name) => c.req.param(name) ?? '', body: undefined, query: c.req.valid('query') });
      return this.answer(operation, c, result);
    };
    this.routes.on(operation.method, routePath(operation.path), this.access(operation), validate, run);
    return this;
  }

  /**
   * An operation with a request body, validated with the row's schema, or with `schema` when the
   * server needs the same rules bound to its own clock (the card's expiry).
   */
  mountWithBody<Op extends Scoped & { body: z.ZodMiniType; query?: undefined }>(
    operation: Op,
    handler: OperationHandler<Op, z.output<Op['body']>>,
    schema?: z.ZodMiniType<z.output<Op['body']>>,
  ): this {
    this.mounted.add(operation);
    const parse = (json: unknown): z.output<Op['body']> => (schema ? parseWithSchema(schema, json) : parseWithSchema<Op['body']>(operation.body, json));
    const validate = validator('json', async (_value, c) => parse(await c.req.json()));
    const run = async (c: Context<AppEnv, string, { out: { json: z.output<Op['body']> } }>) => {
      const result = await handler({ c, org: c.get('organization'), param: (name) => c.req.param(name) ?? '', body: c.req.valid('json'), query: undefined });
      return this.answer(operation, c, result);
    };
    this.routes.on(operation.method, routePath(operation.path), this.access(operation), bufferJsonBody, validate, run);
    return this;
  }
}
