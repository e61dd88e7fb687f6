import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { ApiError, issuesToFieldErrors } from '#api/api-error';
import { withCodes } from '#api/field-messages';

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * A body's JSON by our rules: whatever the Content-Type, an empty body counts as {} (so that the
 * schema names every required field), and one that is not JSON is a 400.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON');
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text, or null when they are not UTF-8. */
export function utf8Text(bytes: ArrayBuffer | Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A body's text, which JSON sends as UTF-8 whatever charset a request declares. Bytes that are not
 * UTF-8 are a 400: decoded leniently they would become U+FFFD, stored, and printed on invoices.
 */
export function bodyText(bytes: ArrayBuffer | Uint8Array): string {
  const text = utf8Text(bytes);
  if (text === null) throw new ApiError(400, 'The request body is not valid UTF-8');
  return text;
}

/**
 * Reads the body by parseJsonBody's rules for Hono's json validator that follows it, and leaves in
 * Hono's body cache the bytes as sent (the idempotency check compares them) and their text (an empty
 * body as {}): the validator and `c.req.json()` parse that, whatever the Content-Type, instead of
 * refusing an empty body with a message of their own. The text is kept as sent, never written again
 * from what it parsed to: JSON.stringify recurses, and a small body nested thousands of levels deep
 * would overflow the stack.
 */
export const bufferJsonBody: MiddlewareHandler = async (c, next) => {
  const text = bodyText(await c.req.arrayBuffer());
  parseJsonBody(text);
  // Hono's json() parses its cached text: an empty body is read as {}.
  Object.assign(c.req.bodyCache, { text: Promise.resolve(text.trim() === '' ? '{}' : text) });
  await next();
};

/** Validates already-parsed input with a shared schema: failures are 400s whose `errors` name each field. */
export function parseWithSchema<Schema extends z.ZodMiniType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = withCodes(issuesToFieldErrors(result.error.issues));
    const [first] = errors;
    const summary = first ? (first.field ? `${first.field}: ${first.message}` : first.message) : 'Invalid request';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new ApiError(400, `${summary}${more}`, errors);
  }
  return result.data;
}
