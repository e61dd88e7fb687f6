import type { Context } from 'hono';
import { EVENT_ORIGIN_HEADER } from '#api/event-origin';
import { getOrganizationEvents } from '#api/operation-events';
import {
  DEFAULT_EVENTS_PAGE_SIZE,
  eventOriginSchema,
  type BillingEventType,
  type BillingSubTargetType,
  type EventOrigin,
  type OrganizationEvent,
  type OrganizationEventList,
  type OrganizationEventsQuery,
} from '#api/organization-events';
import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { planInfo } from './billing-rules';
import type { AppEnv, SandboxContext } from './context';
import type { OperationRoutes } from './operation-routes';

/** Who made a change, and through what. */
export interface EventActor {
  email: string;
  origin: EventOrigin;
  userAgent: string | null;
}

/** One billing change: `change` holds the changed fields after it, `original` the same fields before. */
export interface BillingChange {
  type: BillingEventType;
  /** null where the contract has no sub-target for it (a download of every invoice). */
  subTarget: BillingSubTargetType | null;
  change: Record<string, unknown>;
  original?: Record<string, unknown> | null;
}

export interface EventTarget {
  id: string;
  name: string;
}

const MAX_USER_AGENT = 512;

/**
 * The origin a request claims with X-Event-Origin (a sandbox extension; the console sends CONSOLE, the
 * gateway API or SKILL), or API. QOVERY_INTERNAL is the billing system's own and cannot be claimed.
 */
export function claimedOrigin(header: string | undefined): EventOrigin {
  const parsed = eventOriginSchema.safeParse(header?.trim().toUpperCase());
  return parsed.success && parsed.data !== 'QOVERY_INTERNAL' ? parsed.data : 'API';
}

export function userAgentOf(c: Context): string | null {
  const value = c.req.header('User-Agent')?.trim();
  return value ? value.slice(0, MAX_USER_AGENT) : null;
}

/** The signed-in caller of an API request. */
export function actorOf(c: Context<AppEnv>): EventActor {
  return { email: c.get('user').email, origin: claimedOrigin(c.req.header(EVENT_ORIGIN_HEADER)), userAgent: userAgentOf(c) };
}

/** 2026-01-31T12:00:00.123Z and 2026-01-31T12:00:00Z as 2026-01-31T12:00:00.123000000Z: fixed width, so text order is time order. */
export function nanoTimestamp(value: Date | string): string {
  const iso = typeof value === 'string' ? value : value.toISOString();
  const match = /^(.{19})(?:\.(\d{1,9}))?Z$/.exec(iso);
  if (!match) throw new Error(`Not a UTC timestamp: ${iso}`);
  return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}Z`;
}

/** The next nanosecond after a fixed-width nano timestamp. */
function nextNanosecond(timestamp: string): string {
  const millis = Date.parse(`${timestamp.slice(0, 23)}Z`);
  const below = Number(timestamp.slice(23, 29)) + 1;
  const carry = below === 1_000_000;
  const base = new Date(millis + (carry ? 1 : 0)).toISOString().slice(0, 23);
  return `${base}${String(carry ? 0 : below).padStart(6, '0')}Z`;
}

interface EventRow {
  id: string;
  timestamp: string;
  event_type: string;
  target_type: string;
  target_id: string | null;
  target_name: string;
  sub_target_type: string | null;
  change: string;
  original_change: string | null;
  origin: string;
  triggered_by: string;
  user_agent: string | null;
}

function toEvent(row: EventRow): OrganizationEvent {
  return { ...row };
}

const DAY_MS = 24 * 3600 * 1000;

/** The filters of the contract that the table answers, in SQL. */
function filterSql(query: OrganizationEventsQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const equal: Array<[string, string | undefined]> = [
    ['event_type', query.eventType],
    ['target_type', query.targetType],
    ['target_id', query.targetId?.toLowerCase()],
    ['sub_target_type', query.subTargetType],
    ['triggered_by', query.triggeredBy],
    ['origin', query.origin],
  ];
  for (const [column, value] of equal) {
    if (value === undefined) continue;
    where.push(column === 'triggered_by' ? `${column} = ? COLLATE NOCASE` : `${column} = ?`);
    params.push(value);
  }
  // Billing events belong to no project or environment.
  if (query.serviceProjectId !== undefined || query.serviceEnvironmentId !== undefined) where.push('0');
  if (query.toTimestamp !== undefined) {
    where.push('timestamp <= ?');
    params.push(nanoTimestamp(query.toTimestamp));
  }
  return { where, params };
}

export function organizationEventLog(db: Db) {
  const latest = db.prepare<[string], { timestamp: string | null }>('SELECT MAX(timestamp) AS timestamp FROM organization_events WHERE organization_id = ?');
  const insert = db.prepare(`INSERT INTO organization_events
      (id, organization_id, timestamp, event_type, target_type, target_id, target_name, sub_target_type, change, original_change, origin, triggered_by, user_agent)
    VALUES (?, ?, ?, ?, 'ORGANIZATION', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const columns = 'id, timestamp, event_type, target_type, target_id, target_name, sub_target_type, change, original_change, origin, triggered_by, user_agent';

  function select(organizationId: string, query: OrganizationEventsQuery, extra: string[], extraParams: unknown[], order: 'ASC' | 'DESC', limit: number): EventRow[] {
    const { where, params } = filterSql(query);
    const sql = `SELECT ${columns} FROM organization_events WHERE ${['organization_id = ?', ...where, ...extra].join(' AND ')} ORDER BY timestamp ${order} LIMIT ?`;
    return db.prepare<unknown[], EventRow>(sql).all(organizationId, ...params, ...extraParams, limit);
  }

  return {
    /**
     * Records one event. Call it inside the change's transaction: then the event exists exactly when
     * the change does. `change` and `original` must never hold a card number or a security code.
     */
    record(target: EventTarget, actor: EventActor, event: BillingChange, now: Date): void {
      let timestamp = nanoTimestamp(now);
      const last = latest.get(target.id)?.timestamp;
      if (typeof last === 'string' && last >= timestamp) timestamp = nextNanosecond(last);
      insert.run(
        newId(),
        target.id,
        timestamp,
        event.type,
        target.id,
        target.name,
        event.subTarget,
        JSON.stringify(event.change),
        event.original ? JSON.stringify(event.original) : null,
        actor.origin,
        actor.email,
        actor.userAgent,
      );
    },

    /** One page, newest first, within the plan's retention. */
    page(organizationId: string, query: OrganizationEventsQuery, retentionDays: number, now: Date) {
      const pageSize = query.pageSize ?? DEFAULT_EVENTS_PAGE_SIZE;
      const cutoff = nanoTimestamp(new Date(now.getTime() - retentionDays * DAY_MS));
      const from = query.fromTimestamp === undefined ? cutoff : [nanoTimestamp(query.fromTimestamp), cutoff].reduce((a, b) => (a > b ? a : b));
      const inRange = ['timestamp >= ?'];
      let rows: EventRow[];
      if (query.stepBackToken !== undefined) {
        rows = select(organizationId, query, [...inRange, 'timestamp > ?'], [from, nanoTimestamp(query.stepBackToken)], 'ASC', pageSize).reverse();
      } else if (query.continueToken !== undefined) {
        rows = select(organizationId, query, [...inRange, 'timestamp < ?'], [from, nanoTimestamp(query.continueToken)], 'DESC', pageSize);
      } else {
        rows = select(organizationId, query, inRange, [from], 'DESC', pageSize);
      }
      const first = rows[0];
      const last = rows.at(-1);
      const hasPrevious = first !== undefined && select(organizationId, query, [...inRange, 'timestamp > ?'], [from, first.timestamp], 'ASC', 1).length > 0;
      const hasNext = last !== undefined && select(organizationId, query, [...inRange, 'timestamp < ?'], [from, last.timestamp], 'DESC', 1).length > 0;
      // The answer stops at the retention limit while older events, or the period asked for, go further back.
      const olderHidden = select(organizationId, query, ['timestamp < ?'], [cutoff], 'DESC', 1).length > 0;
      const askedOlder = query.fromTimestamp !== undefined && nanoTimestamp(query.fromTimestamp) < cutoff;
      return {
        events: rows.map(toEvent),
        next: hasNext && last ? last.timestamp : undefined,
        previous: hasPrevious && first ? first.timestamp : undefined,
        limitReached: !hasNext && (olderHidden || askedOlder),
      };
    },
  };
}

export type OrganizationEventLog = ReturnType<typeof organizationEventLog>;

/** Query parameters a page link repeats: every filter, never the other page's token. */
const LINK_PARAMETERS = ['pageSize', 'fromTimestamp', 'toTimestamp', 'eventType', 'targetType', 'targetId', 'subTargetType', 'triggeredBy', 'origin'] as const;

/** getOrganizationEvents: its row's mounting has checked the role and parsed the query parameters. */
export function organizationEventRoutes(ctx: SandboxContext, routes: OperationRoutes): void {
  routes.mountWithQuery(getOrganizationEvents, ({ org, query }) => {
    const page = ctx.events.page(org.id, query, planInfo(org.plan).auditLogsRetentionInDays, ctx.now());
    const link = (name: 'continueToken' | 'stepBackToken', token: string) => {
      const params = new URLSearchParams();
      for (const parameter of LINK_PARAMETERS) {
        const value = query[parameter];
        if (value !== undefined) params.set(parameter, String(value));
      }
      params.set(name, token);
      return `${ctx.publicUrl}/api/organization/${org.id}/events?${params.toString()}`;
    };
    const body: OrganizationEventList = {
      links: {
        ...(page.previous === undefined ? {} : { previous: link('stepBackToken', page.previous) }),
        ...(page.next === undefined ? {} : { next: link('continueToken', page.next) }),
      },
      organization_max_limit_reached: page.limitReached,
      events: page.events,
    };
    return body;
  });
}

/** The fields whose value differs, after (`change`) and before (`original`); null when nothing changed. */
export function changedFields<Fields extends Record<string, unknown>>(before: Fields | undefined, after: Fields): Pick<BillingChange, 'change' | 'original'> | null {
  const change: Record<string, unknown> = {};
  const original: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const previous = before?.[key] ?? null;
    if (JSON.stringify(previous) === JSON.stringify(value ?? null)) continue;
    change[key] = value ?? null;
    original[key] = previous;
  }
  if (Object.keys(change).length === 0) return null;
  return { change, original: before === undefined ? null : original };
}
