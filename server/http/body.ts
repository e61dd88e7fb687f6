import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { ApiError, issuesToFieldErrors } from '../../src/api/api-error';

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Reads a JSON body and validates it with a shared schema. Bad JSON and schema failures are 400s
 * whose `errors` name each field; an empty body counts as `{}` so that every required field is named.
 */
export async function parseJsonBody<Schema extends z.ZodMiniType>(c: Context, schema: Schema): Promise<z.output<Schema>> {
  const text = await c.req.text();
  let json: unknown = {};
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'The request body is not valid JSON');
    }
  }
  return parseWithSchema(schema, json);
}

/** Validates already-parsed input with a shared schema: failures are 400s whose `errors` name each field. */
export function parseWithSchema<Schema extends z.ZodMiniType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = issuesToFieldErrors(result.error.issues);
    const [first] = errors;
    const summary = first ? (first.field ? `${first.field}: ${first.message}` : first.message) : 'Invalid request';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new ApiError(400, `${summary}${more}`, errors);
  }
  return result.data;
}
