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

export const CLOUD_VENDORS = ['AWS', 'SCW', 'GCP', 'DO', 'AZURE', 'OVH', 'CIVO', 'HETZNER', 'ORACLE', 'IBM', 'ON_PREMISE'] as const;

export const CLUSTER_STATES = [
  'BUILDING',
  'BUILD_ERROR',
  'CANCELED',
  'CANCELING',
  'DELETED',
  'DELETE_ERROR',
  'DELETE_QUEUED',
  'DELETING',
  'DEPLOYED',
  'DEPLOYING',
  'DEPLOYMENT_ERROR',
  'DEPLOYMENT_QUEUED',
  'DRY_RUN',
  'QUEUED',
  'READY',
  'STOPPED',
  'STOPPING',
  'STOP_ERROR',
  'STOP_QUEUED',
  'RESTART_QUEUED',
  'RESTARTING',
  'RESTARTED',
  'RESTART_ERROR',
  'INVALID_CREDENTIALS',
] as const;

export const SERVICE_TYPES = ['APPLICATION', 'DATABASE', 'CONTAINER', 'JOB', 'HELM', 'TERRAFORM', 'ARGOCD_APP', 'AGENTIC_WORKFLOW'] as const;

const dateTime = z.iso.datetime({ offset: true });
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

/**
 * CostRange: the spec requires total_in_cents/total/currency_code without defining the first two;
 * the sandbox fills them with the cluster's current run rate, which lies within [min, max].
 */
export const costRangeSchema = z.object({
  total_in_cents: z.int(),
  total: z.number(),
  currency_code: z.string(),
  min_cost_in_cents: z.optional(z.int()),
  min_cost: z.optional(z.number()),
  max_cost_in_cents: z.optional(z.int()),
  max_cost: z.optional(z.number()),
});
export type CostRange = z.infer<typeof costRangeSchema>;

export const clusterSchema = z.object({
  id: z.string(),
  created_at: dateTime,
  updated_at: z.optional(dateTime),
  organization: z.object({ id: z.string() }),
  name: z.string(),
  description: z.optional(z.string()),
  region: z.string(),
  cloud_provider: z.enum(CLOUD_VENDORS),
  min_running_nodes: z.optional(z.int()),
  max_running_nodes: z.optional(z.int()),
  disk_size: z.optional(z.int()),
  instance_type: z.optional(z.string()),
  kubernetes: z.optional(z.enum(['MANAGED', 'SELF_MANAGED', 'PARTIALLY_MANAGED'])),
  cpu: z.optional(z.int()),
  memory: z.optional(z.int()),
  estimated_cloud_provider_cost: z.optional(z.int()),
  status: z.optional(z.enum(CLUSTER_STATES)),
  has_access: z.optional(z.boolean()),
  version: z.optional(z.string()),
  is_default: z.optional(z.boolean()),
  is_demo: z.optional(z.boolean()),
  production: z.optional(z.boolean()),
});
export type Cluster = z.infer<typeof clusterSchema>;

export const clusterListSchema = z.object({ results: z.optional(z.array(clusterSchema)) });
export type ClusterList = z.infer<typeof clusterListSchema>;

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
