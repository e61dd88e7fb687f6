import * as z from 'zod/mini';

/** `code` and `params`: the message's stable code and the values it names, for a client to say it in its own words (field-messages.ts). */
export const fieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
  params: z.optional(z.looseObject({})),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * Error body of every non-2xx answer: `errors` only on validation failures, `field` names a request
 * field; `request_id` (also in the X-Request-Id header) lets a user quote the failed request.
 */
export const errorBodySchema = z.object({
  status: z.int(),
  message: z.string(),
  errors: z.optional(z.array(fieldErrorSchema)),
  request_id: z.optional(z.string()),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export class ApiError extends Error {
  readonly status: number;
  readonly errors: readonly FieldError[];
  /** The server's id for the request that failed (X-Request-Id), for the user to quote; null when there was no answer. */
  readonly requestId: string | null;

  constructor(status: number, message: string, errors: readonly FieldError[] = [], requestId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
    this.requestId = requestId;
  }
}

/** Maps zod issues onto `{field, message}`, one per field (the first issue wins), in request-field terms; field-messages.ts adds their codes. */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.code === 'invalid_type' && field === '' ? 'The request body must be a JSON object' : issue.message });
  }
  return errors;
}
