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

/**
 * Reads the body by parseJsonBody's rules for Hono's json validator that follows it, and leaves it in
 * Hono's body cache as the JSON text of what it read (an empty body as {}): the validator and
 * `c.req.json()` then parse that, whatever the Content-Type, instead of refusing an empty body with
 * a message of their own.
 */
export const bufferJsonBody: MiddlewareHandler = async (c, next) => {
  const json = parseJsonBody(await c.req.text());
  Object.assign(c.req.bodyCache, { text: Promise.resolve(JSON.stringify(json)) });
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
