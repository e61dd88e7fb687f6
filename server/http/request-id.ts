import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { NodeBindings } from './security-headers';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * An id a caller (or a proxy in front of us) chose is kept when it is short and plain: it is printed
 * in our logs and echoed in headers, so nothing that could forge a log line or a header gets through.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestIdVariables {
  Variables: { requestId: string };
}

/** The request's id, as the requestId middleware set it; null outside of it (never in practice). */
export function requestIdOf(c: Context): string | null {
  const id: unknown = c.get('requestId');
  return typeof id === 'string' ? id : null;
}

/**
 * Gives the request its id, taken from its X-Request-Id when sane or made up, for the context
 * (`requestId`): errors carry it in their body and the request log prints it, so that a user can
 * quote it and we can find the request. The security headers middleware calls this first and
 * answers the id in the X-Request-Id header of every answer, on the same pass over the headers.
 */
export function assignRequestId(c: Context<NodeBindings & RequestIdVariables>): string {
  // Read from Node's message when there is one: asking the fetch Request builds a Headers object.
  const sent = c.env?.outgoing && c.env.incoming ? c.env.incoming.headers['x-request-id'] : c.req.header(REQUEST_ID_HEADER);
  const id = typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
  c.set('requestId', id);
  return id;
}
