import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '#api/api-error';
import { can, isRole, type Permission } from '#api/permissions';
import type { Db } from '../db/database';
import { hashToken } from '../db/ids';
import type { AppEnv, MemberOrganization, OrganizationRow, SessionUser } from './context';
import type { RateLimits } from './rate-limits';
import { remember, type ReadCache } from './read-cache';

/** Accepts both forms the contract documents: `Bearer <jwt>` and `Token <api-token>`. */
export function tokenFromHeader(header: string | undefined): string | null {
  const match = /^(?:Bearer|Token)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * Finds the token's user, or answers 401. With `limits`, also counts the request against the token's
 * rate (429 past it): here rather than in a middleware of its own, which would add a frame to every
 * request of the read path.
 */
export function authenticate(db: Db, cache: ReadCache, limits?: RateLimits): MiddlewareHandler<AppEnv> {
  const findUser = db.prepare<[string], SessionUser>('SELECT u.id, u.email, u.name FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?');
  // Keyed by the token as sent (in memory only). Only hits are kept: keeping misses would let anyone
  // grow the cache with one entry per made-up token.
  const users = cache.area<SessionUser>();
  return (c, next) => {
    // Under Node, read the header from the incoming message: asking the fetch Request for a header
    // makes @hono/node-server build a full Headers object on every request.
    const header = c.env?.incoming ? c.env.incoming.headers.authorization : c.req.header('Authorization');
    const token = tokenFromHeader(header);
    const user = token === null ? null : (remember(users, token, () => findUser.get(hashToken(token))) ?? null);
    if (!user) {
      throw new ApiError(401, 'Missing or invalid API token: send "Authorization: Bearer <token>" or "Authorization: Token <token>"');
    }
    c.set('user', user);
    if (!limits || token === null) return next();
    return limits.request(token, next);
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path or query id as the database stores it, or null when it is not a UUID. UUIDs are
 * case-insensitive but SQL compares text exactly, and every id here is stored in lower case.
 */
export function parseUuid(value: string | undefined): string | null {
  return value !== undefined && UUID.test(value) ? value.toLowerCase() : null;
}

export type RequireOrganization = (c: Context<AppEnv>, permission: Permission) => MemberOrganization;
export type RequireOrganizationById = (c: Context<AppEnv>, organizationId: string, permission: Permission) => MemberOrganization;

/** The path's organization for the caller (see organizationAccessById). */
export function organizationAccess(db: Db, cache: ReadCache): RequireOrganization {
  const byId = organizationAccessById(db, cache);
  return (c, permission) => byId(c, c.req.param('organizationId') ?? '', permission);
}

/**
 * Resolves an organization for the caller. An organization the caller is not a member of answers
 * 404, exactly like one that does not exist, so that ids cannot be probed; a member whose role lacks
 * the permission gets 403.
 */
export function organizationAccessById(db: Db, cache: ReadCache): RequireOrganizationById {
  const findMembership = db.prepare<[string, string], OrganizationRow & { role: string }>(
    `SELECT o.*, m.role FROM organizations o JOIN memberships m ON m.organization_id = o.id
     WHERE o.id = ? AND m.user_id = ?`,
  );
  // Only memberships that exist are kept, for the same reason as tokens.
  const memberships = cache.area<OrganizationRow & { role: string }>();
  return (c, requestedId, permission) => {
    const userId = c.get('user').id;
    const organizationId = parseUuid(requestedId);
    const row = organizationId === null ? null : remember(memberships, `${userId} ${organizationId}`, () => findMembership.get(organizationId, userId));
    if (!row || !isRole(row.role)) throw new ApiError(404, 'Organization not found');
    const role = row.role;
    if (!can(role, permission)) {
      throw new ApiError(403, `Your role (${role.replace('_', ' ')}) in ${row.name} does not allow this`);
    }
    return { ...row, role };
  };
}
