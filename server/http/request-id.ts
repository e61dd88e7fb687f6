import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
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
 * Gives every request an id, taken from its X-Request-Id when sane or made up, and answers it in
 * the X-Request-Id header of every answer; errors carry it in their body and the request log prints
 * it, so that a user can quote it and we can find the request.
 */
export function requestId(): MiddlewareHandler<NodeBindings & RequestIdVariables> {
  const inProcess: MiddlewareHandler<NodeBindings & RequestIdVariables> = async (c, next) => {
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, c.get('requestId'));
  };
  return (c, next) => {
    // Read from Node's message when there is one: asking the fetch Request builds a Headers object.
    const outgoing = c.env?.outgoing;
    const sent = outgoing && c.env?.incoming ? c.env.incoming.headers['x-request-id'] : c.req.header(REQUEST_ID_HEADER);
    const id = typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
    c.set('requestId', id);
    // As with the security headers: straight onto Node's response, with no async frame of our own.
    if (!outgoing) return inProcess(c, next);
    outgoing.setHeader(REQUEST_ID_HEADER, id);
    return next();
  };
}
