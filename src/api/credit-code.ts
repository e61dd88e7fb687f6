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
