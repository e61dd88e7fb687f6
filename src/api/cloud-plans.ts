import * as z from 'zod/mini';

/**
 * The Cloud Plans Billing contract's answers (shared/seeds/001): six operations under
 * /api/v1/organizations/billing/…?action=…, answering in envelopes ({"status": 200, "response": …}).
 * Amounts and quantities travel as strings. The console parses every answer with these schemas; the
 * sandbox builds its answers with their types. The operations are rows (cloud-plans-operations.ts),
 * requests are in cloud-plans-requests.ts, prices in cloud-plans-catalog.ts.
 */

export const CLOUD_PLANS_BASE = '/api/v1/organizations/billing';

/**
 * What every Cloud Plans answer carries: its own status, which can say failure inside an HTTP 200
 * ({"status": 500, ...}), and then perhaps a message.
 */
export const cloudPlansEnvelopeSchema = z.object({ status: z.number(), message: z.optional(z.string()) });

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
  /**
   * A sandbox extension: the most instances already paid for in the period ending at payment_exp
   * (lowering the quantity refunds nothing, so they come back free). Without it (a real backend) the
   * console cannot know what a raise costs, and does not quote an amount.
   */
  paid_quantity: z.optional(z.string()),
  /** A sandbox extension: when the period ending at payment_exp began, which proration counts from. */
  period_start: z.optional(z.string()),
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
