import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { NodeBindings } from './security-headers';
import { errorJson } from './errors';

/**
 * How much of a refused body is read and thrown away before answering. A client that is still
 * sending when the answer comes (Node's fetch, for one) tears the connection down and never reads
 * the 413, so the body is taken off the wire first. Beyond this, the connection is closed after the
 * answer instead, so that no one makes us read without end.
 */
export const MAX_DISCARDED_BYTES = 8 * 1024 * 1024;

/** Give up discarding after this long: a client trickling its body is not waited for. */
const DISCARD_TIMEOUT_MS = 5_000;

/**
 * Reads a request body from Node's stream: all of it when it fits in `maxBytes`, else null once it
 * has been read and dropped (within the byte and time bounds: `complete` false past them).
 */
export function readBody(incoming: IncomingMessage, maxBytes: number): Promise<{ body: Buffer | null; complete: boolean }> {
  if (incoming.readableEnded) return Promise.resolve({ body: Buffer.alloc(0), complete: true });
  if (incoming.destroyed) return Promise.resolve({ body: null, complete: false });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let read = 0;
    const finish = (complete: boolean) => {
      clearTimeout(timer);
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onError);
      // Whatever still arrives is dropped: the connection closes after the answer.
      if (!complete) incoming.resume();
      resolve({ body: complete && read <= maxBytes ? Buffer.concat(chunks) : null, complete });
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
      if (read > MAX_DISCARDED_BYTES) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = () => finish(false);
    const timer = setTimeout(() => finish(false), DISCARD_TIMEOUT_MS);
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onError);
    incoming.resume();
  });
}

/**
 * Refuses bodies over `maxBytes` with a 413 that every client reads: the answer goes out once the
 * refused body is off the wire, or, past MAX_DISCARDED_BYTES, with `Connection: close`, so that the
 * client knows not to reuse the connection. A streamed (chunked) body is counted as it arrives.
 */
export function limitBody(maxBytes: number): MiddlewareHandler<NodeBindings> {
  const message = `The request body is larger than ${maxBytes / 1024} KB`;
  // In-process (tests, the gateway calling the sandbox) there is no socket to keep healthy.
  const inProcess = bodyLimit({ maxSize: maxBytes, onError: (c) => errorJson(c, 413, message) });
  return async (c, next) => {
    const incoming = c.env?.outgoing ? c.env.incoming : undefined;
    if (!incoming) return inProcess(c, next);
    const declared = Number(incoming.headers['content-length']);
    const chunked = incoming.headers['transfer-encoding'] !== undefined;
    // Node's parser holds a declared body to its length: one that fits needs no counting.
    if (!chunked && !(declared > maxBytes)) return next();
    const { body, complete } = await readBody(incoming, maxBytes);
    if (body === null) {
      if (!complete) c.header('Connection', 'close');
      return errorJson(c, 413, message);
    }
    c.req.raw = new Request(c.req.raw, { body: new Uint8Array(body) });
    return next();
  };
}
