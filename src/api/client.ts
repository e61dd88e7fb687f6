import type * as z from 'zod/mini';
import { ApiError, errorBodySchema, issuesToFieldErrors } from './api-error';
import { EVENT_ORIGIN_HEADER } from './event-origin';
import { takeEarlyResponse } from './early-responses';
import { operationUrl, type BodyOf, type Operation, type ParamsOf } from './operation';

export type TokenScheme = 'Bearer' | 'Token';

export interface Credentials {
  scheme: TokenScheme;
  token: string;
}

interface ClientConfig {
  getCredentials: () => Credentials | null;
  onUnauthorized: () => void;
}

let config: ClientConfig = { getCredentials: () => null, onUnauthorized: () => undefined };

/** The one place where the token and the reaction to a 401 are wired in (src/app). */
export function configureApiClient(next: ClientConfig): void {
  config = next;
}

export function authorizationHeader(credentials: Credentials): string {
  return `${credentials.scheme} ${credentials.token}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /**
   * Sent as Idempotency-Key: one per user action, the same for its retries, so that the server
   * answers a retry (after a lost answer, a double click) with the first answer instead of acting twice.
   */
  idempotencyKey?: string;
  /** Sign-in checks a token before it is stored: it passes it here and is exempt from the 401 redirect. */
  credentials?: Credentials;
}

const NETWORK_ERROR = 'Could not reach the server. Check your connection, then retry.';

/** What a failed status means, for answers that do not say. */
export function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'Your role does not allow this.';
  if (status === 404) return 'Not found.';
  if (status === 413) return 'The request is too large.';
  if (status === 429) return 'Too many requests: wait a moment, then retry.';
  if (status >= 500) return 'The server had a problem. Try again in a moment.';
  return `The request failed (${status}).`;
}

/** Sends the request; any non-2xx answer becomes an ApiError with the server's message and field errors. */
export async function send(path: string, options: RequestOptions): Promise<Response> {
  const credentials = options.credentials ?? config.getCredentials();
  // The billing activity attributes the console's changes to it (src/api/event-origin.ts).
  const headers: Record<string, string> = { Accept: 'application/json', [EVENT_ORIGIN_HEADER]: 'CONSOLE', ...options.headers };
  if (credentials) headers.Authorization = authorizationHeader(credentials);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;

  // A plain GET may already be under way: started by public/early-requests.js with these credentials.
  const early = (options.method ?? 'GET') === 'GET' && options.body === undefined && options.headers === undefined ? takeEarlyResponse(path, headers.Authorization) : undefined;
  let response: Response;
  try {
    response = await (early ??
      fetch(path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        credentials: 'same-origin',
      }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR);
  }

  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null);
    const parsed = errorBodySchema.safeParse(payload);
    // The header is there even when the body is not ours (a proxy's page): the user can still quote it.
    const requestId = (parsed.success ? parsed.data.request_id : undefined) ?? response.headers.get('X-Request-Id');
    const error = parsed.success
      ? new ApiError(response.status, parsed.data.message, parsed.data.errors, requestId)
      : new ApiError(response.status, fallbackMessage(response.status), [], requestId);
    if (response.status === 401 && !options.credentials) config.onUnauthorized();
    throw error;
  }
  return response;
}

/** Calls the server and returns the 2xx body's JSON, unparsed: `request` parses it, envelopes read their own status first. */
export async function requestJson(path: string, options: RequestOptions = {}): Promise<unknown> {
  const response = await send(path, options);
  return response.json().catch(() => {
    throw new ApiError(0, 'The server answered with something that is not JSON.');
  });
}

/** A body that does not match the contract throws an ApiError (status 0), so a wrong shape is a query error, never a silent cast. */
export function parseAnswer<Schema extends z.ZodMiniType>(schema: Schema, payload: unknown): z.output<Schema> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    const [first] = issuesToFieldErrors(result.error.issues);
    throw new ApiError(0, `The server's answer does not match the contract${first ? ` (${first.field || 'body'}: ${first.message})` : ''}.`);
  }
  return result.data;
}

/** Calls the server and parses the 2xx body with the operation's schema. */
export async function request<Schema extends z.ZodMiniType>(path: string, schema: Schema, options: RequestOptions = {}): Promise<z.output<Schema>> {
  return parseAnswer(schema, await requestJson(path, options));
}

/** What a call of an operation sends besides its path: its method and path come from the operation's row. */
export type OperationOptions<Op extends Operation> = Omit<RequestOptions, 'method' | 'body'> & { body?: BodyOf<Op> };

/** Calls an operation of src/api/operations.ts and parses its answer with the row's schema. */
export function callOperation<Op extends Operation & { answer: z.ZodMiniType }>(
  operation: Op,
  params: ParamsOf<Op>,
  options: OperationOptions<Op>,
): Promise<z.output<Op['answer']>> {
  return request<Op['answer']>(operationUrl(operation, params), operation.answer, { ...options, method: operation.method });
}
