import { isIP } from 'node:net';
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

function parseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EnvError(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EnvError(`${name} must use http or https, got "${url.protocol}"`);
  }
  return value.replace(/\/+$/, '');
}

/** An origin such as https://billing.example.com: links are built by appending paths to it. */
function parseOrigin(name: string, value: string): string {
  const url = new URL(parseUrl(name, value));
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new EnvError(`${name} must be an origin such as https://billing.example.com, without a path, query or credentials, got "${value}"`);
  }
  return url.origin;
}

function positiveWholeNumber(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) === 0) throw new EnvError(`${name} must be a whole number above 0, got "${value}"`);
  return Number(value);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (!found) throw new EnvError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return found;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

/** Reads and checks the environment; throws EnvError naming the variable at fault. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const portText = nonEmpty(source.PORT) ?? '4173';
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) {
    throw new EnvError(`PORT must be a port number from 0 to 65535, got "${portText}"`);
  }
  const host = nonEmpty(source.HOST) ?? '127.0.0.1';
  if (host !== 'localhost' && isIP(host) === 0 && !/^[a-z0-9.-]+$/i.test(host)) {
    throw new EnvError(`HOST must be a host name or an IP address, got "${host}"`);
  }
  const gatewayToken = nonEmpty(source.GATEWAY_TOKEN);
  if (gatewayToken !== null && gatewayToken.length < 16) {
    throw new EnvError('GATEWAY_TOKEN must be at least 16 characters long');
  }
  const cloudPlans = nonEmpty(source.CLOUDPLANS_API_URL);
  const clockText = nonEmpty(source.SANDBOX_CLOCK);
  const sandboxClock = clockText === null ? null : new Date(clockText);
  const clockShape = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(clockText ?? '');
  if (clockText !== null && (!clockShape || parseBillingDay(clockShape[1]) === null || Number.isNaN(sandboxClock?.getTime()))) {
    throw new EnvError(`SANDBOX_CLOCK must be an ISO 8601 instant with its offset, like 2026-03-31T23:30:00Z, got "${clockText}"`);
  }
  const publicUrl = parseOrigin('PUBLIC_URL', nonEmpty(source.PUBLIC_URL) ?? `http://localhost:${Number(portText)}`);
  return {
    port: Number(portText),
    host,
    sandboxDb: nonEmpty(source.SANDBOX_DB) ?? '.data/sandbox.db',
    billingBackend: oneOf('BILLING_BACKEND', nonEmpty(source.BILLING_BACKEND) ?? 'sandbox', ['sandbox', 'qovery']),
    qoveryApiUrl: parseUrl('QOVERY_API_URL', nonEmpty(source.QOVERY_API_URL) ?? 'https://api.qovery.com'),
    cloudPlansApiUrl: cloudPlans === null ? null : parseUrl('CLOUDPLANS_API_URL', cloudPlans),
    qoveryApiKey: nonEmpty(source.QOVERY_API_KEY),
    gatewayToken,
    sandboxResetEndpoint: oneOf('SANDBOX_RESET_ENDPOINT', nonEmpty(source.SANDBOX_RESET_ENDPOINT) ?? '0', ['0', '1']) === '1',
    logLevel: oneOf('LOG_LEVEL', nonEmpty(source.LOG_LEVEL) ?? 'info', ['debug', 'info', 'warn', 'error', 'silent']),
    sandboxClock,
    publicUrl,
    rateLimitPerMinute: positiveWholeNumber('RATE_LIMIT_PER_MINUTE', nonEmpty(source.RATE_LIMIT_PER_MINUTE) ?? '1200'),
  };
}
