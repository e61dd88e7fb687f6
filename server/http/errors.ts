import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, type ErrorBody, type FieldError } from '#api/api-error';
import { withCodes } from '#api/field-messages';
import { loggablePath, type Logger } from './logger';
import { requestIdOf } from './request-id';

/** A refusal that passes with time (429, or 409 while a request is still running): the answer carries Retry-After, in seconds. */
export class RetryLater extends ApiError {
  constructor(
    status: 409 | 429,
    message: string,
    readonly retryAfterSeconds: number,
    errors: readonly FieldError[] = [],
  ) {
    super(status, message, errors);
  }
}

/** Our error body, with the request's id so that whoever reads the error can quote it. */
export function errorJson(c: Context, status: ContentfulStatusCode, message: string, errors?: readonly FieldError[]) {
  // A field error whose message a shared schema filed under a code carries it (field-messages.ts).
  const body: ErrorBody = errors && errors.length > 0 ? { status, message, errors: withCodes(errors) } : { status, message };
  const requestId = requestIdOf(c);
  if (requestId !== null) body.request_id = requestId;
  return c.json(body, status);
}

function isContentfulStatus(status: number): status is ContentfulStatusCode {
  return status >= 400 && status <= 599;
}

export function errorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof RetryLater) c.header('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof ApiError && isContentfulStatus(error.status)) {
      return errorJson(c, error.status, error.message, error.errors);
    }
    if (error instanceof HTTPException && isContentfulStatus(error.status)) {
      return errorJson(c, error.status, error.message || 'Request rejected');
    }
    // Only the error's own text reaches the log: never the request body, which may hold card data.
    logger.error(`${c.req.method} ${loggablePath(c.req.path)} [${requestIdOf(c) ?? '-'}] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return errorJson(c, 500, 'Something went wrong on our side. Try again in a moment.');
  };
}

export const notFoundJson: NotFoundHandler = (c) => errorJson(c, 404, `No route for ${c.req.method} ${c.req.path}`);
