import * as z from 'zod/mini';

/**
 * The Cloud Plans Billing contract (shared/seeds/001): six operations under
 * /api/v1/organizations/billing/…?action=…, answering in envelopes ({"status": 200, "response": …}).
 * Amounts and quantities travel as strings. The console parses every answer with these schemas and
 * the sandbox validates every request with the request schemas below.
 */

export const CLOUD_PLANS_BASE = '/api/v1/organizations/billing';

export const DESCRIBE_ACTIONS = ['getorganization'] as const;
export const HISTORY_ACTIONS = ['list_billing'] as const;
export const UPDATE_ACTIONS = ['getpaymentlink', 'getupdatecardlink', 'updatesubscription', 'cancelsubscription'] as const;

/** The sandbox's one Cloud Plans plan, billed per instance and per month (README, "Cloud Plans sandbox"). */
export const CLOUD_PLAN = {
  id: 'STANDARD',
  name: 'Standard',
  unitPriceCents: 1_900,
  currency: 'USD',
  period: 'month',
} as const;

export const MAX_INSTANCES = 1_000;
export const CANCEL_REASON_MAX_LENGTH = 500;

export function cloudPlanName(plan: string): string {
  return plan === CLOUD_PLAN.id ? CLOUD_PLAN.name : plan;
}

/** What `quantity` instances of the plan cost per period, in cents. */
export function monthlyPriceCents(quantity: number): number {
  return quantity * CLOUD_PLAN.unitPriceCents;
}

// ---------------------------------------------------------------------------------------------
// Responses

export const cloudOrganizationSchema = z.object({
  resources: z.number(),
  name: z.string(),
  id: z.string(),
  owner: z.string(),
});
export type CloudOrganization = z.infer<typeof cloudOrganizationSchema>;

export const cloudSubscriptionSchema = z.object({
  payment_exp: z.string(),
  plan: z.string(),
  quantity: z.string(),
});
export type CloudSubscription = z.infer<typeof cloudSubscriptionSchema>;

/** A sandbox extension to `describe`: the card the subscription is charged to (brand, last 4, expiry only). */
export const cloudPaymentMethodSchema = z.object({
  brand: z.string(),
  last4: z.string(),
  expiry_month: z.int(),
  expiry_year: z.int(),
});
export type CloudPaymentMethod = z.infer<typeof cloudPaymentMethodSchema>;

/** `subscription` is null (or absent) when the organization has none. */
export const describeBillingResponseSchema = z.object({
  status: z.number(),
  response: z.object({
    organization: cloudOrganizationSchema,
    subscription: z.optional(z.nullable(cloudSubscriptionSchema)),
    payment_method: z.optional(z.nullable(cloudPaymentMethodSchema)),
  }),
});
export type DescribeBillingResponse = z.infer<typeof describeBillingResponseSchema>;

export const BILLING_HISTORY_STATUSES = ['paid', 'unpaid'] as const;

export const billingHistoryEntrySchema = z.object({
  status: z.string(),
  id: z.string(),
  organization: z.string(),
  date: z.string(),
  due_date: z.string(),
  amount: z.string(),
  /** A sandbox extension: what the entry is for. */
  description: z.optional(z.string()),
});
export type BillingHistoryEntry = z.infer<typeof billingHistoryEntrySchema>;

export const billingHistoryResponseSchema = z.object({
  status: z.number(),
  billing_history: z.array(billingHistoryEntrySchema),
});
export type BillingHistoryResponse = z.infer<typeof billingHistoryResponseSchema>;

/** getpaymentlink and getupdatecardlink: `response` is the link to open. */
export const linkResponseSchema = z.object({ status: z.number(), response: z.string() });
export type LinkResponse = z.infer<typeof linkResponseSchema>;

export const statusResponseSchema = z.object({ status: z.number() });
export type StatusResponse = z.infer<typeof statusResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Requests: org_id and quantity come from the query string or the JSON body (the contract uses both).

export const QUANTITY_RANGE_MESSAGE = `Enter a whole number of instances from 1 to ${MAX_INSTANCES}`;

/**
 * Quantities arrive as JSON numbers, numeric strings (the contract's type) or form text; all are
 * checked by the same rules and come out as a number.
 */
function toQuantity(value: unknown, ctx: z.core.ParsePayload): number {
  const fail = (message: string) => {
    ctx.issues.push({ code: 'custom', message, input: value });
    return z.NEVER;
  };
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return fail('Quantity is required');
  let quantity: number;
  if (typeof value === 'number') quantity = value;
  else if (typeof value === 'string' && /^[+-]?\d{1,9}$/.test(value.trim())) quantity = Number(value.trim());
  else return fail(QUANTITY_RANGE_MESSAGE);
  if (!Number.isInteger(quantity)) return fail(QUANTITY_RANGE_MESSAGE);
  if (quantity < 1) return fail('Quantity must be at least 1 instance');
  if (quantity > MAX_INSTANCES) return fail(`Quantity can be at most ${MAX_INSTANCES} instances`);
  return quantity;
}

export const instanceQuantitySchema = z.pipe(z.unknown(), z.transform(toQuantity));

const orgIdSchema = z.string('org_id is required').check(z.trim(), z.minLength(1, 'org_id is required'), z.maxLength(100, 'org_id is too long'));

export const organizationRequestSchema = z.object({ org_id: orgIdSchema });
export type OrganizationRequest = z.infer<typeof organizationRequestSchema>;

export const quantityRequestSchema = z.object({ org_id: orgIdSchema, quantity: instanceQuantitySchema });
export type QuantityRequest = z.infer<typeof quantityRequestSchema>;

export const cancelSubscriptionRequestSchema = z.object({
  org_id: orgIdSchema,
  reason: z.optional(
    z
      .string('The reason must be text')
      .check(z.trim(), z.maxLength(CANCEL_REASON_MAX_LENGTH, `The reason can be at most ${CANCEL_REASON_MAX_LENGTH} characters`)),
  ),
});
export type CancelSubscriptionRequest = z.infer<typeof cancelSubscriptionRequestSchema>;

/** The console's quantity forms: the text of a number input, checked like the API checks it. */
export const quantityFormSchema = z.object({ quantity: z.pipe(z.string(), z.transform<string, number>(toQuantity)) });
export type QuantityFormValues = z.input<typeof quantityFormSchema>;

export const cancelFormSchema = z.object({
  reason: z.string().check(z.trim(), z.maxLength(CANCEL_REASON_MAX_LENGTH, `The reason can be at most ${CANCEL_REASON_MAX_LENGTH} characters`)),
});
export type CancelFormValues = z.infer<typeof cancelFormSchema>;
