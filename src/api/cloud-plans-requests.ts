import * as z from 'zod/mini';
import { CANCEL_REASON_MAX_LENGTH, MAX_INSTANCES } from './cloud-plans-catalog';
import { orgIdSchema } from './cloud-plans-organization-request';
import { coded } from './field-messages';

/**
 * Requests of the Cloud Plans contract's updates, shared by the sandbox (which validates every
 * request with them) and the console's forms; the reads' request is in cloud-plans-organization-request.ts.
 */

// org_id and quantity come from the query string or the JSON body (the contract uses both).

export const QUANTITY_RANGE_MESSAGE = coded('quantity.range', `Enter a whole number of instances from 1 to ${MAX_INSTANCES}`, { max: MAX_INSTANCES });

/**
 * The quantity rules, for JSON numbers, numeric strings (the contract's type) and form text alike:
 * the error to show, or null.
 */
export function quantityError(value: unknown): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return coded('quantity.required', 'Quantity is required');
  let quantity: number;
  if (typeof value === 'number') quantity = value;
  else if (typeof value === 'string' && /^[+-]?\d{1,9}$/.test(value.trim())) quantity = Number(value.trim());
  else return QUANTITY_RANGE_MESSAGE;
  if (!Number.isInteger(quantity)) return QUANTITY_RANGE_MESSAGE;
  if (quantity < 1) return coded('quantity.too_small', 'Quantity must be at least 1 instance');
  if (quantity > MAX_INSTANCES) return coded('quantity.too_large', `Quantity can be at most ${MAX_INSTANCES} instances`, { max: MAX_INSTANCES });
  return null;
}

/** A quantity that passed quantityError, as a number. */
export function toQuantity(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.trim());
}

// A refinement rather than a transform: the console's forms use these schemas too, and zod's pipes
// and transforms would then join the first page's bundle (zod's modules are shared with it).
const quantityCheck = z.superRefine((value: unknown, ctx) => {
  const message = quantityError(value);
  if (message !== null) ctx.addIssue({ code: 'custom', message });
});

export const instanceQuantitySchema = z.custom<string | number>().check(quantityCheck);

const REASON_TOO_LONG = coded('reason.too_long', `The reason can be at most ${CANCEL_REASON_MAX_LENGTH} characters`, { max: CANCEL_REASON_MAX_LENGTH });

export const quantityRequestSchema = z.object({ org_id: orgIdSchema, quantity: instanceQuantitySchema });
export type QuantityRequest = z.infer<typeof quantityRequestSchema>;

export const cancelSubscriptionRequestSchema = z.object({
  org_id: orgIdSchema,
  reason: z.optional(z.string(coded('reason.not_text', 'The reason must be text')).check(z.trim(), z.maxLength(CANCEL_REASON_MAX_LENGTH, REASON_TOO_LONG))),
});
export type CancelSubscriptionRequest = z.infer<typeof cancelSubscriptionRequestSchema>;

/** The console's quantity forms: the text of a number input, checked like the API checks it. */
export const quantityFormSchema = z.object({ quantity: z.string().check(quantityCheck) });
export type QuantityFormValues = z.infer<typeof quantityFormSchema>;

export const cancelFormSchema = z.object({
  reason: z.string().check(z.trim(), z.maxLength(CANCEL_REASON_MAX_LENGTH, REASON_TOO_LONG)),
});
export type CancelFormValues = z.infer<typeof cancelFormSchema>;
