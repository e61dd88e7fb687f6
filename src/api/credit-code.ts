import * as z from 'zod/mini';
import { coded } from './field-messages';

/** Credit codes are case-insensitive: stored and compared upper-case, surrounding spaces ignored. */
export const creditCodeRequestSchema = z.object({
  code: z
    .string(coded('code.required', 'Enter a credit code'))
    .check(
      z.trim(),
      z.toUpperCase(),
      z.minLength(1, coded('code.required', 'Enter a credit code')),
      z.maxLength(64, coded('code.too_long', 'A credit code has at most 64 characters', { max: 64 })),
      z.regex(/^[A-Z0-9_-]+$/, coded('code.characters', 'A credit code contains only letters, digits, dashes and underscores')),
    ),
});

export type CreditCodeRequest = z.infer<typeof creditCodeRequestSchema>;

/**
 * What the sandbox answers to addCreditCode: the amount credited, so that the console can say it.
 * The contract declares no body (the real API may send none): a documented sandbox extension.
 */
export const creditCodeAnswerSchema = z.object({
  code: z.string(),
  amount_in_cents: z.int(),
  currency_code: z.string(),
});

export type CreditCodeAnswer = z.infer<typeof creditCodeAnswerSchema>;

/** Why the sandbox refused a code, as English text filed under its code (field-messages.ts): on the request's `code` field. */
/**
 * How long to wait, as a person can act on it: seconds under two minutes, else whole minutes rounded
 * up ("in 42 seconds", "in 3 minutes"). The server's 429 messages say it (server/sandbox/rate-limits.ts).
 */
export function retryWait(seconds: number): { unit: 'seconds' | 'minutes'; wait: number; text: string } {
  if (seconds < 120) return { unit: 'seconds', wait: seconds, text: `${seconds} second${seconds === 1 ? '' : 's'}` };
  const minutes = Math.ceil(seconds / 60);
  return { unit: 'minutes', wait: minutes, text: `${minutes} minutes` };
}

/**
 * The refusal of a credit code attempt after too many wrong ones (server/sandbox/rate-limits.ts): by
 * `who`, the organization or the token; `waitSeconds` until an attempt is counted again.
 */
export function tooManyWrongCodes(who: 'organization' | 'account', count: number, waitSeconds: number): string {
  const { unit, wait, text } = retryWait(waitSeconds);
  const whom = who === 'organization' ? 'for this organization' : 'from your account';
  return coded('code.too_many_wrong', `Too many wrong credit codes ${whom} (${count} in 10 minutes): try again in ${text}.`, { who, count, unit, wait });
}

export const creditCodeRefusals = {
  unknown: (code: string) => coded('code.unknown', `Unknown credit code ${code}: check its spelling`, { code }),
  expired: (code: string, day: string) => coded('code.expired', `Credit code ${code} expired on ${day}`, { code, date: day }),
  redeemedHere: (code: string) => coded('code.redeemed_here', `Credit code ${code} has already been redeemed by this organization`, { code }),
  usedUp: (code: string) => coded('code.used_up', `Credit code ${code} has already been used`, { code }),
};
