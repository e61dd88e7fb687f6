import { isIP } from 'node:net';
import * as z from 'zod';
import { parseBillingDay } from '#lib/billing-calendar';

export type BillingBackend = 'sandbox' | 'qovery';

export interface Env {
  port: number;
  host: string;
  sandboxDb: string;
  billingBackend: BillingBackend;
  qoveryApiUrl: string;
  cloudPlansApiUrl: string | null;
  qoveryApiKey: string | null;
  gatewayToken: string | null;
  /** Lets tests and the demo wipe the sandbox back to its seed with POST /sandbox/reset (JSON only). */
  sandboxResetEndpoint: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * The origin users reach this server at (PUBLIC_URL), without a trailing slash: every absolute link
   * the server hands out (signed files, checkout and card-update pages) is built from it, never from
   * the request's Host header, which any client can forge.
   */
  publicUrl: string;
  /** Requests per minute one API token may make before 429 (RATE_LIMIT_PER_MINUTE); generous on purpose. */
  rateLimitPerMinute: number;
  /** The sandbox's clock starts at this instant instead of the system's time, and runs from there (demos on another day, end-to-end tests). */
  sandboxClock: Date | null;
}

export class EnvError extends Error {}

/** Values are trimmed; unset, empty or blank is undefined. */
const trimmed = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** A variable that has a default. */
const setting = (fallback: string) => z.preprocess((value) => trimmed(value) ?? fallback, z.string());

/** A variable that may be left unset. */
const optionalSetting = () => z.preprocess(trimmed, z.optional(z.string()));

/** A refusal that names the variable and what it got, as every message at start does. */
function rule(name: string, expected: string) {
  return { error: (issue: { input?: unknown }) => `${name} ${expected}, got "${String(issue.input)}"` };
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

const httpUrl = (name: string) =>
  z
    .string()
    .refine(isHttpUrl, rule(name, 'must be an absolute http(s) URL'))
    .transform((value) => value.replace(/\/+$/, ''));

/** An origin such as https://billing.example.com: links are built by appending paths to it. */
function isOrigin(value: string): boolean {
  if (!isHttpUrl(value)) return false;
  const url = new URL(value);
  return url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isInstant(value: string): boolean {
  const day = INSTANT.exec(value)?.[1];
  return day !== undefined && parseBillingDay(day) !== null && !Number.isNaN(new Date(value).getTime());
}

const oneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T) => z.enum(values, rule(name, `must be one of ${values.join(', ')}`));

/** The environment the server reads (README, "Environment"): each variable, its default and its rule. */
const envSchema = z
  .object({
    PORT: setting('4173').pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, rule('PORT', 'must be a port number from 0 to 65535'))
        .transform(Number)
        .pipe(z.number().max(65535, rule('PORT', 'must be a port number from 0 to 65535'))),
    ),
    HOST: setting('127.0.0.1').pipe(
      z.string().refine((host) => host === 'localhost' || isIP(host) !== 0 || /^[a-z0-9.-]+$/i.test(host), rule('HOST', 'must be a host name or an IP address')),
    ),
    SANDBOX_DB: setting('.data/sandbox.db'),
    BILLING_BACKEND: setting('sandbox').pipe(oneOf('BILLING_BACKEND', ['sandbox', 'qovery'])),
    QOVERY_API_URL: setting('https://api.qovery.com').pipe(httpUrl('QOVERY_API_URL')),
    CLOUDPLANS_API_URL: optionalSetting().pipe(z.optional(httpUrl('CLOUDPLANS_API_URL'))),
    QOVERY_API_KEY: optionalSetting(),
    GATEWAY_TOKEN: optionalSetting().pipe(
      z.optional(
        z
          .string()
          .min(16, 'GATEWAY_TOKEN must be at least 16 characters long')
          // Callers send it after "Bearer " in a header: a space or a non-ASCII character could never match.
          .regex(/^[\x21-\x7E]+$/, 'GATEWAY_TOKEN must be printable ASCII without spaces: callers send it in an Authorization header'),
      ),
    ),
    SANDBOX_RESET_ENDPOINT: setting('0').pipe(oneOf('SANDBOX_RESET_ENDPOINT', ['0', '1'])),
    LOG_LEVEL: setting('info').pipe(oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'])),
    SANDBOX_CLOCK: optionalSetting().pipe(
      z.optional(
        z
          .string()
          .refine(isInstant, rule('SANDBOX_CLOCK', 'must be an ISO 8601 instant with its offset, like 2026-03-31T23:30:00Z'))
          .transform((value) => new Date(value)),
      ),
    ),
    PUBLIC_URL: optionalSetting().pipe(
      z.optional(z.string().refine(isOrigin, rule('PUBLIC_URL', 'must be an origin such as https://billing.example.com, without a path, query or credentials'))),
    ),
    RATE_LIMIT_PER_MINUTE: setting('1200').pipe(
      z
        .string()
        .regex(/^0*[1-9]\d{0,8}$/, rule('RATE_LIMIT_PER_MINUTE', 'must be a whole number above 0'))
        .transform(Number),
    ),
  })
  .transform((env): Env => ({
    port: env.PORT,
    host: env.HOST,
    sandboxDb: env.SANDBOX_DB,
    billingBackend: env.BILLING_BACKEND,
    qoveryApiUrl: env.QOVERY_API_URL,
    cloudPlansApiUrl: env.CLOUDPLANS_API_URL ?? null,
    qoveryApiKey: env.QOVERY_API_KEY ?? null,
    gatewayToken: env.GATEWAY_TOKEN ?? null,
    sandboxResetEndpoint: env.SANDBOX_RESET_ENDPOINT === '1',
    logLevel: env.LOG_LEVEL,
    sandboxClock: env.SANDBOX_CLOCK ?? null,
    publicUrl: new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).origin,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
  }));

/**
 * Reads and checks the environment; throws EnvError naming every variable at fault, one a line,
 * so that a server that cannot start says all that is wrong at once.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues.map((issue) => issue.message).join('\n'));
  return result.data;
}
