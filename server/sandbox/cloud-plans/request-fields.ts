import type { Context } from 'hono';
import { IncomingMessage } from 'node:http';
import { ApiError } from '#api/api-error';
import { bodyText, MAX_BODY_BYTES, parseJsonBody } from '../../http/body';
import { readBody } from '../../http/body-limit';
import type { AppEnv } from '../context';

function incomingOf(env: unknown): IncomingMessage | null {
  return typeof env === 'object' && env !== null && 'incoming' in env && env.incoming instanceof IncomingMessage ? env.incoming : null;
}

/**
 * The body's text. `describe` documents org_id in a GET body, which the Fetch API's Request cannot
 * carry: on Node the server reads it from the raw request instead, within the same bounds as any
 * other body (body-limit.ts).
 */
async function readBodyText(c: Context<AppEnv>): Promise<string> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return bodyText(await c.req.arrayBuffer());
  const env: unknown = c.env;
  const incoming = incomingOf(env);
  if (!incoming || incoming.readableEnded) return '';
  if (incoming.headers['content-length'] === undefined && incoming.headers['transfer-encoding'] === undefined) return '';
  const { body, complete } = await readBody(incoming, MAX_BODY_BYTES);
  if (body === null) {
    if (!complete) c.header('Connection', 'close');
    throw new ApiError(413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`);
  }
  return bodyText(body);
}

/**
 * Merges the query string and the JSON body: the contract puts org_id and quantity in one or the
 * other depending on the operation, so `parameters` (every request field of the contract) are
 * accepted both ways everywhere; a parameter sent both ways with two different values is refused
 * rather than guessed.
 */
export async function readRequestFields(c: Context<AppEnv>, parameters: readonly string[]): Promise<Record<string, unknown>> {
  const body = parseJsonBody(await readBodyText(c));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'The request body must be a JSON object');
  const input: Record<string, unknown> = { ...body };
  for (const name of parameters) {
    const fromQuery = c.req.query(name);
    if (fromQuery === undefined) continue;
    const fromBody = input[name];
    if (fromBody !== undefined) {
      // An object or array is never the query's text (and is not written back to text: it may nest deep).
      const sentInBody = typeof fromBody === 'string' || typeof fromBody === 'number' || typeof fromBody === 'boolean' ? String(fromBody) : null;
      // Ids are taken in any case (the contract's examples are lower case): the same id twice is not a conflict.
      const same = sentInBody !== null && (name === 'org_id' ? sentInBody.toLowerCase() === fromQuery.toLowerCase() : sentInBody === fromQuery);
      if (!same) {
        throw new ApiError(400, `${name} differs between the query string and the body: send it once`, [{ field: name, message: 'Sent twice with different values' }]);
      }
    }
    input[name] = fromQuery;
  }
  return input;
}
