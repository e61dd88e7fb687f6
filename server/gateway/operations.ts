import * as z from 'zod/mini';
import { ApiError } from '../../src/api/api-error';
import { billingInfoRequestSchema } from '../../src/api/billing-info';
import { creditCardRequestSchema } from '../../src/api/credit-card';
import { creditCodeRequestSchema } from '../../src/api/credit-code';
import { changePlanRequestSchema } from '../../src/api/plan-change';
import { PLAN_CATALOG } from '../../src/api/plans';
import { usageReportRequestSchema } from '../../src/api/usage-report';
import { eventOriginSchema, eventTypeSchema, subTargetTypeSchema, targetTypeSchema } from '../../src/api/organization-events';

export type PathParam = 'organizationId' | 'clusterId' | 'invoiceId' | 'creditCardId';

export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
}

/**
 * One operation of the Qovery Billing contract as the gateway exposes it (seed 004): a REST route
 * under /v1 with lower-case paths and an MCP tool, both calling `upstreamPath` on the contract.
 */
export interface GatewayOperation {
  /** The seed's operation name, e.g. "getorganizationbillingexternalid". */
  name: string;
  tool: string;
  title: string;
  description: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The contract's path, with `{param}` placeholders, e.g. /organization/{organizationId}/billingInfo. */
  upstreamPath: string;
  params: readonly PathParam[];
  /** The request schema shared with the sandbox; absent for operations without a body. */
  body?: z.ZodMiniType;
  /**
   * What an MCP client may send, when it is wider than the JSON Schema zod derives from `body`: zod
   * writes checks that run after trimming or upper-casing as if they applied to the raw input, and
   * cannot express refinements. The tool validates with this, then with `body`.
   */
  input?: z.ZodMiniType;
  /** Query parameters an MCP tool takes as its `query` argument (REST callers send a query string). */
  query?: z.ZodMiniObject;
  hints: ToolHints;
  /** What an empty success answer means, for MCP clients that only read text. */
  emptyAnswer?: string;
}

const READ: ToolHints = { readOnlyHint: true, destructiveHint: false, idempotentHint: true };
const WRITE: ToolHints = { readOnlyHint: false, destructiveHint: false, idempotentHint: false };

const OPEN_PLAN_IDS = Object.values(PLAN_CATALOG)
  .filter((plan) => !plan.deprecated)
  .map((plan) => plan.id);
const OPEN_PLANS = OPEN_PLAN_IDS.join(', ');

/** Refuses with the shared schema's own message for the value, so that both layers speak alike. */
function sharedMessage(schema: z.ZodMiniType) {
  return { error: (issue: { input?: unknown }) => schema.safeParse(issue.input).error?.issues[0]?.message };
}

const changePlanInput = z.object({
  plan: z.enum(OPEN_PLAN_IDS, sharedMessage(changePlanRequestSchema.shape.plan)),
});

const creditCodeInput = z.object({
  code: z
    .string(sharedMessage(creditCodeRequestSchema.shape.code))
    .check(
      z.regex(/^\s*[A-Za-z0-9_-]{1,64}\s*$/, sharedMessage(creditCodeRequestSchema.shape.code)),
      z.describe('The credit code, in any case; surrounding spaces are ignored'),
    ),
});

const ROLES_BILLING = 'Needs the admin or billing manager role for the gateway key.';

const timestampInput = z.string().check(z.describe('A UTC timestamp such as 2026-01-31T12:00:00Z (up to nanoseconds)'));

/** getOrganizationEvents' query parameters, as the contract names them. */
const eventsQueryInput = z.object({
  pageSize: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100), z.describe('Events per page, 10 by default'))),
  fromTimestamp: z.optional(timestampInput),
  toTimestamp: z.optional(timestampInput),
  continueToken: z.optional(z.string().check(z.describe('From links.next: the next (older) page'))),
  stepBackToken: z.optional(z.string().check(z.describe('From links.previous: the previous (newer) page'))),
  eventType: z.optional(eventTypeSchema),
  targetType: z.optional(targetTypeSchema),
  targetId: z.optional(z.string()),
  subTargetType: z.optional(subTargetTypeSchema),
  triggeredBy: z.optional(z.string().check(z.describe('The email of who made the change'))),
  origin: z.optional(eventOriginSchema),
});

/** The 16 operations in the seed's order, with the seed's tool names and hints. */
export const GATEWAY_OPERATIONS: readonly GatewayOperation[] = [
  {
    name: 'getorganizationbillingexternalid',
    tool: 'get-organization-billing-external-id',
    title: 'Get organization billing external ID',
    description: `Returns the organization's ID in the payment provider (id). ${ROLES_BILLING}`,
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/billingExternalId',
    params: ['organizationId'],
    hints: READ,
  },
  {
    name: 'getorganizationbillinginfo',
    tool: 'get-organization-billing-info',
    title: 'Get organization billing info',
    description: `Returns the billing contact, address and VAT number printed on invoices. ${ROLES_BILLING}`,
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/billingInfo',
    params: ['organizationId'],
    hints: READ,
  },
  {
    name: 'editorganizationbillinginfo',
    tool: 'edit-organization-billing-info',
    title: 'Edit Organization Billing Info',
    description: `Replaces the billing contact, address and VAT number (the whole object: omitted optional fields are cleared). Returns the stored billing info. ${ROLES_BILLING}`,
    method: 'PUT',
    upstreamPath: '/organization/{organizationId}/billingInfo',
    params: ['organizationId'],
    body: billingInfoRequestSchema,
    hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  },
  {
    name: 'getorganizationbillingstatus',
    tool: 'get-organization-billing-status',
    title: 'Get organization billing status',
    description: 'Tells whether billing is valid (is_valid) and, when it is not, why (message). Any member may call it.',
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/billingStatus',
    params: ['organizationId'],
    hints: READ,
  },
  {
    name: 'generatebillingusagereport',
    tool: 'generate-organization-billing-usage-report',
    title: 'Generate organization billing usage report',
    description: `Builds a usage report for the period from..to (ISO 8601 date-times) and returns a link to it (report_url) that expires after report_expiration_in_seconds, and a link that revokes it early (delete_report_url). ${ROLES_BILLING}`,
    method: 'POST',
    upstreamPath: '/organization/{organizationId}/billingUsageReport',
    params: ['organizationId'],
    body: usageReportRequestSchema,
    hints: WRITE,
  },
  {
    name: 'changeplan',
    tool: 'change-organization-plan',
    title: 'Change organization plan',
    description: `Moves the organization to another plan: ${OPEN_PLANS}. Returns the organization. Needs the admin role for the gateway key.`,
    method: 'POST',
    upstreamPath: '/organization/{organizationId}/changePlan',
    params: ['organizationId'],
    body: changePlanRequestSchema,
    input: changePlanInput,
    hints: WRITE,
  },
  {
    name: 'getclustercurrentcost',
    tool: 'get-cluster-current-cost',
    title: 'Get cluster current cost',
    description: "Returns a cluster's monthly cost range (min_cost, max_cost) and its current total. Any member may call it.",
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/cluster/{clusterId}/currentCost',
    params: ['organizationId', 'clusterId'],
    hints: READ,
  },
  {
    name: 'listorganizationcreditcards',
    tool: 'list-organization-credit-cards',
    title: 'List organization credit cards',
    description: `Lists the organization's cards (brand, last 4 digits, expiry; never the number). ${ROLES_BILLING}`,
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/creditCard',
    params: ['organizationId'],
    hints: READ,
  },
  {
    name: 'addcreditcard',
    tool: 'add-credit-card',
    title: 'Add credit card',
    description: `Adds a card (number, cvv, expiry_month, expiry_year). Send the same idempotencyKey when retrying so that the card is added once. Returns the card without its number. ${ROLES_BILLING}`,
    method: 'POST',
    upstreamPath: '/organization/{organizationId}/creditCard',
    params: ['organizationId'],
    body: creditCardRequestSchema,
    hints: WRITE,
  },
  {
    name: 'deletecreditcard',
    tool: 'delete-credit-card',
    title: 'Delete credit card',
    description: `Removes a card from the organization. ${ROLES_BILLING}`,
    method: 'DELETE',
    upstreamPath: '/organization/{organizationId}/creditCard/{creditCardId}',
    params: ['organizationId', 'creditCardId'],
    hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    emptyAnswer: 'The credit card was deleted',
  },
  {
    name: 'addcreditcode',
    tool: 'add-credit-code',
    title: 'Add credit code',
    description: 'Redeems a credit code (case-insensitive) and adds its credit to the organization. Any member may call it.',
    method: 'POST',
    upstreamPath: '/organization/{organizationId}/creditCode',
    params: ['organizationId'],
    body: creditCodeRequestSchema,
    input: creditCodeInput,
    hints: WRITE,
    emptyAnswer: 'The credit code was redeemed',
  },
  {
    name: 'getorganizationcurrentcost',
    tool: 'get-organization-current-cost',
    title: 'Get organization current cost',
    description: "Returns the plan, its cost per period, the next renewal date and the remaining trial days. Any member may call it.",
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/currentCost',
    params: ['organizationId'],
    hints: READ,
  },
  {
    name: 'organizationdownloadallinvoices',
    tool: 'download-all-invoices',
    title: 'Download all invoices',
    description: `Asks for every invoice PDF to be mailed, in one ZIP, to the billing email. ${ROLES_BILLING}`,
    method: 'POST',
    upstreamPath: '/organization/{organizationId}/downloadInvoices',
    params: ['organizationId'],
    hints: WRITE,
    emptyAnswer: 'Accepted: a ZIP of every invoice will be mailed to the billing email',
  },
  {
    name: 'listorganizationinvoice',
    tool: 'list-organization-invoices',
    title: 'List organization invoices',
    description: `Lists the organization's invoices (id, created_at, status, total, currency_code). ${ROLES_BILLING}`,
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/invoice',
    params: ['organizationId'],
    hints: READ,
  },
  {
    name: 'getorganizationinvoice',
    tool: 'get-organization-invoice',
    title: 'Get organization invoice',
    description: `Returns one invoice. ${ROLES_BILLING}`,
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/invoice/{invoiceId}',
    params: ['organizationId', 'invoiceId'],
    hints: READ,
  },
  {
    name: 'getorganizationinvoicepdf',
    tool: 'get-invoice-link',
    title: 'Get invoice link',
    description: `Returns a short-lived link (url) to the invoice's PDF. ${ROLES_BILLING}`,
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/invoice/{invoiceId}/download',
    params: ['organizationId', 'invoiceId'],
    hints: READ,
  },
  // Not in seed 004: the billing activity (getOrganizationEvents), exposed like the reads above.
  {
    name: 'getorganizationevents',
    tool: 'get-organization-events',
    title: 'Get organization billing events',
    description: `Who changed what in the organization's billing, when and from where (console, API, MCP): newest first, filtered by the query's fields and paged with the tokens of links.next and links.previous, within the plan's audit-log retention. ${ROLES_BILLING}`,
    method: 'GET',
    upstreamPath: '/organization/{organizationId}/events',
    params: ['organizationId'],
    query: eventsQueryInput,
    hints: READ,
  },
];

/** The seed's REST path: the contract path lower-cased under /v1, in Hono's `:param` syntax. */
export function restRoutePath(operation: GatewayOperation): string {
  return `/v1${operation.upstreamPath.toLowerCase().replace(/\{(\w+)\}/g, ':$1')}`;
}

/** Ids are UUIDs in the contract; anything with "/", "." or "%" could address another resource. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export function upstreamPathFor(operation: GatewayOperation, values: Partial<Record<PathParam, string>>): string {
  return operation.upstreamPath.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const param = operation.params.find((candidate) => candidate === name);
    const value = param ? values[param] : undefined;
    if (value === undefined || !isValidId(value)) {
      throw new ApiError(400, `${name} must be an id: 1 to 100 letters, digits, "-" or "_"`, [{ field: name, message: 'Not a valid id' }]);
    }
    return value;
  });
}
