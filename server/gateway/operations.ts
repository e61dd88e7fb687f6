import * as z from 'zod/mini';
import { ApiError } from '#api/api-error';
import { creditCodeRequestSchema } from '#api/credit-code';
import type { GatewayKind, ToolHints } from '#api/operation';
import { GATEWAY_HINTS, OPERATIONS, type OperationId, type ROWS, type TableOperation } from '#api/operation-table';
import { changePlanRequestSchema } from '#api/plan-change';
import { eventOriginSchema, eventTypeSchema, subTargetTypeSchema, targetTypeSchema } from '#api/organization-events';
import { PLAN_CATALOG } from '#api/plans';

export type PathParam = 'organizationId' | 'clusterId' | 'invoiceId' | 'creditCardId';

export type { ToolHints };

/**
 * One operation of the Qovery Billing contract as the gateway exposes it (seed 004): a REST route
 * under /v1 with lower-case paths and an MCP tool, both calling `upstreamPath` on the contract.
 * Derived from the operation's row (src/api/operation-table.ts) and its text below.
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
  /** Query parameters an MCP tool takes as its `query` argument (REST callers send a query string); absent: none. */
  query?: z.ZodMiniObject;
  hints: ToolHints;
  /** What an empty success answer means, for MCP clients that only read text. */
  emptyAnswer?: string;
}

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
    .check(z.regex(/^\s*[A-Za-z0-9_-]{1,64}\s*$/, sharedMessage(creditCodeRequestSchema.shape.code)), z.describe('The credit code, in any case; surrounding spaces are ignored')),
});

const ROLES_BILLING = 'Needs the admin or billing manager role for the gateway key.';

const timestampInput = z.string().check(z.describe('A UTC timestamp such as 2026-01-31T12:00:00Z (up to nanoseconds)'));

/**
 * getOrganizationEvents' query parameters as an MCP client sends them: pageSize as a number, with
 * a description each. The upstream applies the row's schema (#api/organization-events) to them.
 */
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

/** What an MCP client reads about each tool; the rest of an operation is its row in src/api/operation-table.ts. */
interface GatewayText {
  title: string;
  description: string;
  input?: z.ZodMiniType;
  /** The tool's `query` argument, for a row with query parameters. */
  query?: z.ZodMiniObject;
  emptyAnswer?: string;
}

/** Every row the gateway exposes has its text here: a row with `gateway` and no text does not type-check. */
type GatewayId = { [Id in OperationId]: (typeof ROWS)[Id] extends { gateway: GatewayKind } ? Id : never }[OperationId];

const TEXTS: Record<GatewayId, GatewayText> = {
  getOrganizationBillingExternalId: { title: 'Get organization billing external ID', description: `Returns the organization's ID in the payment provider (id). ${ROLES_BILLING}` },
  getOrganizationBillingInfo: { title: 'Get organization billing info', description: `Returns the billing contact, address and VAT number printed on invoices. ${ROLES_BILLING}` },
  editOrganizationBillingInfo: {
    title: 'Edit Organization Billing Info',
    description: `Replaces the billing contact, address and VAT number (the whole object: omitted optional fields are cleared). Returns the stored billing info. ${ROLES_BILLING}`,
  },
  getOrganizationBillingStatus: {
    title: 'Get organization billing status',
    description: 'Tells whether billing is valid (is_valid) and, when it is not, why (message). Any member may call it.',
  },
  generateBillingUsageReport: {
    title: 'Generate organization billing usage report',
    description: `Builds a usage report for the period from..to (ISO 8601 date-times) and returns a link to it (report_url) that expires after report_expiration_in_seconds, and a link that revokes it early (delete_report_url). ${ROLES_BILLING}`,
  },
  changePlan: {
    title: 'Change organization plan',
    description: `Moves the organization to another plan: ${OPEN_PLANS}. Returns the organization. Needs the admin role for the gateway key.`,
    input: changePlanInput,
  },
  getClusterCurrentCost: {
    title: 'Get cluster current cost',
    description: "Returns a cluster's monthly cost range (min_cost, max_cost) and its current total. Any member may call it.",
  },
  listOrganizationCreditCards: {
    title: 'List organization credit cards',
    description: `Lists the organization's cards (brand, last 4 digits, expiry; never the number). ${ROLES_BILLING}`,
  },
  addCreditCard: {
    title: 'Add credit card',
    description: `Adds a card (number, cvv, expiry_month, expiry_year). Send the same idempotencyKey when retrying so that the card is added once. Returns the card without its number. ${ROLES_BILLING}`,
  },
  deleteCreditCard: { title: 'Delete credit card', description: `Removes a card from the organization. ${ROLES_BILLING}`, emptyAnswer: 'The credit card was deleted' },
  addCreditCode: {
    title: 'Add credit code',
    description: 'Redeems a credit code (case-insensitive) and adds its credit to the organization. Any member may call it.',
    input: creditCodeInput,
    emptyAnswer: 'The credit code was redeemed',
  },
  getOrganizationCurrentCost: {
    title: 'Get organization current cost',
    description: 'Returns the plan, its cost per period, the next renewal date and the remaining trial days. Any member may call it.',
  },
  organizationDownloadAllInvoices: {
    title: 'Download all invoices',
    description: `Asks for every invoice PDF to be mailed, in one ZIP, to the billing email. ${ROLES_BILLING}`,
    emptyAnswer: 'Accepted: a ZIP of every invoice will be mailed to the billing email',
  },
  listOrganizationInvoice: {
    title: 'List organization invoices',
    description: `Lists the organization's invoices (id, created_at, status, total, currency_code). ${ROLES_BILLING}`,
  },
  getOrganizationInvoice: { title: 'Get organization invoice', description: `Returns one invoice. ${ROLES_BILLING}` },
  getOrganizationInvoicePDF: { title: 'Get invoice link', description: `Returns a short-lived link (url) to the invoice's PDF. ${ROLES_BILLING}` },
  // Not in seed 004: the billing activity, exposed like the reads above.
  getOrganizationEvents: {
    title: 'Get organization billing events',
    description: `Who changed what in the organization's billing, when and from where (console, API, MCP): newest first, filtered by the query's fields and paged with the tokens of links.next and links.previous, within the plan's audit-log retention. ${ROLES_BILLING}`,
    query: eventsQueryInput,
  },
};

function isGatewayId(id: OperationId): id is GatewayId {
  return id in TEXTS;
}

function isPathParam(name: string | undefined): name is PathParam {
  return name === 'organizationId' || name === 'clusterId' || name === 'invoiceId' || name === 'creditCardId';
}

/** The tool's name: the seed's when the row gives one, else the operation id in kebab case. */
export function toolName(operation: TableOperation): string {
  return operation.tool ?? operation.id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The operations the gateway exposes: the table's rows with `gateway`, with their text. */
export const GATEWAY_OPERATIONS: readonly GatewayOperation[] = OPERATIONS.flatMap((operation) => {
  const { id, gateway } = operation;
  if (gateway === undefined || !isGatewayId(id)) return [];
  return [
    {
      ...TEXTS[id],
      name: id.toLowerCase(),
      tool: toolName(operation),
      method: operation.method,
      upstreamPath: operation.path,
      params: [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).filter(isPathParam),
      body: operation.body,
      query: TEXTS[id].query ?? operation.query,
      hints: GATEWAY_HINTS[gateway],
    },
  ];
});

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
