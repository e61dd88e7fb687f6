import type { Context } from 'hono';
import { IncomingMessage } from 'node:http';
import { ApiError } from '#api/api-error';
import { MAX_BODY_BYTES, parseJsonBody } from '../../http/body';
import type { AppEnv } from '../context';

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
 * other depending on the operation, so `parameters` (every request field of the contract) are
 * accepted both ways everywhere; a parameter sent both ways with two different values is refused
 * rather than guessed.
 */
export async function readRequestFields(c: Context<AppEnv>, parameters: readonly string[]): Promise<Record<string, unknown>> {
  const body = parseJsonBody(await bodyText(c));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'The request body must be a JSON object');
  const input: Record<string, unknown> = { ...body };
  for (const name of parameters) {
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
