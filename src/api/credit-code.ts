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
 * The refusal of a credit code attempt after too many wrong ones (server/sandbox/rate-limits.ts): by
 * `who`, the organization or the token; `waitSeconds` until an attempt is counted again.
 */
export function tooManyWrongCodes(who: 'organization' | 'account', count: number, waitSeconds: number): string {
  const [unit, wait] = waitSeconds < 120 ? (['seconds', waitSeconds] as const) : (['minutes', Math.ceil(waitSeconds / 60)] as const);
  const whom = who === 'organization' ? 'for this organization' : 'from your account';
  const after = unit === 'seconds' ? `${wait} second${wait === 1 ? '' : 's'}` : `${wait} minutes`;
  return coded('code.too_many_wrong', `Too many wrong credit codes ${whom} (${count} in 10 minutes): try again in ${after}.`, { who, count, unit, wait });
}

export const creditCodeRefusals = {
  unknown: (code: string) => coded('code.unknown', `Unknown credit code ${code}: check its spelling`, { code }),
  expired: (code: string, day: string) => coded('code.expired', `Credit code ${code} expired on ${day}`, { code, date: day }),
  redeemedHere: (code: string) => coded('code.redeemed_here', `Credit code ${code} has already been redeemed by this organization`, { code }),
  usedUp: (code: string) => coded('code.used_up', `Credit code ${code} has already been used`, { code }),
};
