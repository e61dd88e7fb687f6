import * as z from 'zod/mini';

/**
 * Response schemas of the Qovery Billing contract (shared/contracts/qovery-billing-openapi.yaml).
 * The console parses every response with them; the server builds its responses with their types.
 */

export const PLANS = [
  'FREE',
  'TEAM',
  'TEAM_YEARLY',
  'ENTERPRISE',
  'ENTERPRISE_YEARLY',
  'PROFESSIONAL',
  'BUSINESS',
  'USER_2025',
  'TEAM_2025',
  'BUSINESS_2025',
  'ENTERPRISE_2025',
] as const;
export const planSchema = z.enum(PLANS);
export type Plan = z.infer<typeof planSchema>;

export const INVOICE_STATUSES = ['NOT_PAID', 'PAID', 'PAYMENT_DUE', 'PENDING', 'POSTED', 'UNKNOWN', 'VOIDED'] as const;
export const invoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

/** An ISO 8601 date-time with its offset, as every date of the contract is. */
export const dateTime = z.iso.datetime({ offset: true });
const nullableString = z.optional(z.nullable(z.string()));

export const organizationSchema = z.object({
  id: z.string(),
  created_at: dateTime,
  updated_at: z.optional(dateTime),
  name: z.string(),
  description: nullableString,
  plan: planSchema,
  website_url: nullableString,
  repository: nullableString,
  logo_url: nullableString,
  icon_url: nullableString,
  admin_emails: z.optional(z.nullable(z.array(z.string()))),
  owner: z.optional(z.string()),
  billing_deployment_restriction: nullableString,
  organization_plan: z.optional(
    z.object({
      plan: z.optional(planSchema),
      audit_logs_retention_in_days: z.optional(z.number()),
    }),
  ),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationListSchema = z.object({
  results: z.optional(z.array(organizationSchema)),
});
export type OrganizationList = z.infer<typeof organizationListSchema>;

export const costSchema = z.object({
  total_in_cents: z.int(),
  total: z.number(),
  currency_code: z.string(),
});
export type Cost = z.infer<typeof costSchema>;

export const currentCostSchema = z.object({
  plan: z.optional(planSchema),
  remaining_trial_day: z.optional(z.int()),
  renewal_at: z.optional(z.nullable(dateTime)),
  cost: z.optional(costSchema),
});
export type CurrentCost = z.infer<typeof currentCostSchema>;

export const billingInfoSchema = z.object({
  first_name: nullableString,
  last_name: nullableString,
  email: nullableString,
  address: nullableString,
  city: nullableString,
  zip: nullableString,
  state: nullableString,
  country_code: nullableString,
  company: nullableString,
  vat_number: nullableString,
});
export type BillingInfo = z.infer<typeof billingInfoSchema>;

export const billingStatusSchema = z.object({
  is_valid: z.optional(z.boolean()),
  message: z.optional(z.string()),
});
export type BillingStatus = z.infer<typeof billingStatusSchema>;

export const billingExternalIdSchema = z.object({ id: z.optional(z.string()) });
export type BillingExternalId = z.infer<typeof billingExternalIdSchema>;

export const invoiceSchema = z.object({
  id: z.string(),
  created_at: dateTime,
  status: invoiceStatusSchema,
  total_in_cents: z.int(),
  total: z.number(),
  currency_code: z.string(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const invoiceListSchema = z.object({ results: z.optional(z.array(invoiceSchema)) });
export type InvoiceList = z.infer<typeof invoiceListSchema>;

/** getOrganizationInvoicePDF declares the service `Link` schema; clients only read `url`. */
export const creditCardSchema = z.object({
  id: z.string(),
  created_at: dateTime,
  expiry_month: z.int(),
  expiry_year: z.int(),
  last_digit: z.string(),
  is_expired: z.boolean(),
  brand: z.string(),
});
export type CreditCard = z.infer<typeof creditCardSchema>;

export const creditCardListSchema = z.object({ results: z.optional(z.array(creditCardSchema)) });
export type CreditCardList = z.infer<typeof creditCardListSchema>;
