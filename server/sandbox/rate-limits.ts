import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { retryWait, tooManyWrongCodes } from '#api/credit-code';
import { RetryLater } from '../http/errors';

/**
 * The sandbox's rate limits, counted in this process's memory by rate-limiter-flexible (fixed
 * windows of wall-clock time: SANDBOX_CLOCK moves billing dates, not how fast a client calls us).
 * Several processes on one database each count their own.
 */
export interface RateLimitSettings {
  /** Requests per minute per API token: generous, a busy console or a script never meets it. */
  requestsPerMinute: number;
  /** Failed credit codes per 10 minutes, per organization and per token: guessing codes stops there. */
  creditCodeFailures: number;
  /** Expensive operations, per organization per window. */
  downloadAllPerHour: number;
  usageReportsPerHour: number;
  /** Signed PDF links (each one a PDF rendered on demand); the console's ZIP asks for two per invoice at most. */
  pdfLinksPer10Minutes: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  requestsPerMinute: 1200,
  creditCodeFailures: 10,
  downloadAllPerHour: 10,
  usageReportsPerHour: 60,
  pdfLinksPer10Minutes: 1000,
};

export type ExpensiveOperation = 'downloadAll' | 'usageReport' | 'pdfLink';

const EXPENSIVE: Record<ExpensiveOperation, { what: string; seconds: number; points: (settings: RateLimitSettings) => number }> = {
  downloadAll: { what: 'invoice emails', seconds: 3600, points: (settings) => settings.downloadAllPerHour },
  usageReport: { what: 'usage reports', seconds: 3600, points: (settings) => settings.usageReportsPerHour },
  pdfLink: { what: 'invoice PDF links', seconds: 600, points: (settings) => settings.pdfLinksPer10Minutes },
};

const CREDIT_CODE_WINDOW_SECONDS = 600;

/** "in 42 seconds", "in 3 minutes": what a person can act on, from the limiter's milliseconds. */
function waitFor(ms: number): string {
  return `in ${retryWait(Math.max(1, Math.ceil(ms / 1000))).text}`;
}

/** A refusal saying when to try again, in words and in Retry-After. */
function tooMany(message: string, msBeforeNext: number): RetryLater {
  return new RetryLater(429, `${message}: try again ${waitFor(msBeforeNext)}.`, Math.max(1, Math.ceil(msBeforeNext / 1000)));
}

/** The limiter's refusal, or a failure of its own (not expected of the memory store), rethrown as is. */
function refusal(reason: unknown): RateLimiterRes {
  if (reason instanceof RateLimiterRes) return reason;
  throw reason;
}

export class RateLimits {
  private limiters;

  constructor(private readonly settings: RateLimitSettings = DEFAULT_RATE_LIMITS) {
    this.limiters = this.create();
  }

  private create() {
    const { settings } = this;
    const expensive = (operation: ExpensiveOperation) =>
      new RateLimiterMemory({ keyPrefix: operation, points: EXPENSIVE[operation].points(settings), duration: EXPENSIVE[operation].seconds });
    return {
      requests: new RateLimiterMemory({ keyPrefix: 'requests', points: settings.requestsPerMinute, duration: 60 }),
      codesByOrganization: new RateLimiterMemory({ keyPrefix: 'codes-org', points: settings.creditCodeFailures, duration: CREDIT_CODE_WINDOW_SECONDS }),
      codesByToken: new RateLimiterMemory({ keyPrefix: 'codes-token', points: settings.creditCodeFailures, duration: CREDIT_CODE_WINDOW_SECONDS }),
      expensive: { downloadAll: expensive('downloadAll'), usageReport: expensive('usageReport'), pdfLink: expensive('pdfLink') },
    };
  }

  /** Forgets every count (POST /sandbox/reset: each end-to-end test starts afresh). */
  reset(): void {
    this.limiters = this.create();
  }

  /**
   * Counts one request of the token, then goes on with `next`; a 429 past the limit. One link of
   * promise chain only: this runs on every request of the read path.
   */
  request<T>(token: string, next: () => Promise<T>): Promise<T> {
    return this.limiters.requests.consume(token).then(next, (reason: unknown) => {
      throw tooMany(`Too many requests with this token (more than ${this.settings.requestsPerMinute} a minute)`, refusal(reason).msBeforeNext);
    });
  }

  /** Counts one expensive operation of the organization; rejects with a 429 past the limit. */
  async expensive(operation: ExpensiveOperation, organizationId: string): Promise<void> {
    const limit = EXPENSIVE[operation];
    try {
      await this.limiters.expensive[operation].consume(organizationId);
    } catch (reason) {
      const per = limit.seconds === 3600 ? 'an hour' : `${limit.seconds / 60} minutes`;
      throw tooMany(`This organization asked for more than ${limit.points(this.settings)} ${limit.what} in ${per}`, refusal(reason).msBeforeNext);
    }
  }

  /**
   * Runs one credit code attempt, unless the organization or the token has failed too often lately
   * (429 on the `code` field). Every attempt is counted before it is made, synchronously, so that
   * parallel requests cannot all slip under the limit; a successful one is then taken back.
   */
  async creditCodeAttempt<T>(organizationId: string, token: string, attempt: () => T): Promise<T> {
    const { codesByOrganization, codesByToken } = this.limiters;
    const [byOrganization, byToken] = await Promise.allSettled([codesByOrganization.consume(organizationId), codesByToken.consume(token)]);
    const refused = [byOrganization, byToken].flatMap((outcome) => (outcome.status === 'rejected' ? [refusal(outcome.reason)] : []));
    if (refused.length > 0) {
      const seconds = Math.max(1, Math.ceil(Math.max(...refused.map((res) => res.msBeforeNext)) / 1000));
      const message = tooManyWrongCodes(byOrganization.status === 'rejected' ? 'organization' : 'account', this.settings.creditCodeFailures, seconds);
      throw new RetryLater(429, message, seconds, [{ field: 'code', message }]);
    }
    const result = attempt();
    // Only failures count: a code that worked gives its point back.
    await Promise.all([codesByOrganization.reward(organizationId), codesByToken.reward(token)]);
    return result;
  }
}
