import * as z from 'zod/mini';

/** Credit codes are case-insensitive: stored and compared upper-case, surrounding spaces ignored. */
export const creditCodeRequestSchema = z.object({
  code: z
    .string('Enter a credit code')
    .check(
      z.trim(),
      z.toUpperCase(),
      z.minLength(1, 'Enter a credit code'),
      z.maxLength(64, 'A credit code has at most 64 characters'),
      z.regex(/^[A-Z0-9_-]+$/, 'A credit code contains only letters, digits, dashes and underscores'),
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
