import * as z from 'zod/mini';

/**
 * getOrganizationEvents (shared/contracts/qovery-billing-openapi.yaml, tag "Organization Event"):
 * the enums and the query parameters, shared by the console, the sandbox and the gateway. The answer's
 * schema is in contract.ts; the row is getOrganizationEvents in operation-events.ts.
 */

export const EVENT_TYPES = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'ACCEPT',
  'EXPORT',
  'CLONE',
  'DEPLOY_QUEUED',
  'STOP_QUEUED',
  'RESTART_QUEUED',
  'DELETE_QUEUED',
  'UNINSTALL_QUEUED',
  'MAINTENANCE',
  'DRY_RUN',
  'TRIGGER_REDEPLOY',
  'TRIGGER_CANCEL',
  'FORCE_RUN_QUEUED',
  'FORCE_RUN_QUEUED_DEPLOY',
  'FORCE_RUN_QUEUED_STOP',
  'FORCE_RUN_QUEUED_DELETE',
  'TRIGGER_DEPLOY',
  'TRIGGER_STOP',
  'TRIGGER_RESTART',
  'TRIGGER_DELETE',
  'TRIGGER_UNINSTALL',
  'TRIGGER_DEPLOY_DRY_RUN',
  'TRIGGER_TERRAFORM_FORCE_UNLOCK',
  'TRIGGER_TERRAFORM_MIGRATE_STATE',
  'TRIGGER_FORCE_RUN',
  'TRIGGER_FORCE_RUN_DEPLOY',
  'TRIGGER_FORCE_RUN_STOP',
  'TRIGGER_FORCE_RUN_DELETE',
  'DEPLOYED',
  'STOPPED',
  'DELETED',
  'UNINSTALLED',
  'RESTARTED',
  'DEPLOYED_DRY_RUN',
  'FORCE_RUN_SUCCEEDED',
  'TERRAFORM_FORCE_UNLOCK_SUCCEEDED',
  'TERRAFORM_MIGRATE_STATE_SUCCEEDED',
] as const;
export const eventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof eventTypeSchema>;

export const TARGET_TYPES = [
  'AGENTIC_WORKFLOW',
  'APPLICATION',
  'CLUSTER',
  'CONTAINER',
  'CONTAINER_REGISTRY',
  'DATABASE',
  'ENTERPRISE_CONNECTION',
  'ENVIRONMENT',
  'JOB',
  'HELM',
  'HELM_REPOSITORY',
  'MEMBERS_AND_ROLES',
  'ORGANIZATION',
  'PROJECT',
  'WEBHOOK',
  'TERRAFORM',
] as const;
export const targetTypeSchema = z.enum(TARGET_TYPES);
export type TargetType = z.infer<typeof targetTypeSchema>;

export const SUB_TARGET_TYPES = [
  'ADVANCED_SETTINGS',
  'ALERT_RECEIVER',
  'ALERT_RULE',
  'ANNOTATIONS_GROUP',
  'API_TOKEN',
  'ARGOCD_CLUSTER_MAPPING',
  'ARGOCD_CONFIGURATION',
  'BILLING_INFO',
  'BILLING_USAGE_REPORT',
  'BLUEPRINT_MIGRATION',
  'CLOUD_PROVIDER_CREDENTIALS',
  'CLUSTER_CREDENTIALS',
  'CLUSTER_ROUTING_TABLE',
  'CONFIG',
  'CREDIT_CARD',
  'CREDIT_CODE',
  'CUSTOM_DOMAIN',
  'CUSTOM_ROLE',
  'DEPLOYMENT_RULE',
  'DEPLOYMENT_STAGE',
  'DNS_PROVIDER',
  'GITHUB_APP',
  'GIT_REPOSITORY',
  'GIT_TOKEN',
  'INVITATION',
  'JWT_TOKEN_FORGED',
  'KUBERNETES_CONFIGURATION',
  'KUBERNETES_CREDENTIALS',
  'LABELS_GROUP',
  'MCP_SERVER',
  'MEMBER_ROLE',
  'PLAN',
  'POLICY_API_TOKEN',
  'REMOTE_ACCESS',
  'SECRET',
  'SSO',
  'TERRAFORM',
  'TOOL_CALL',
  'TRANSFER_OWNERSHIP',
  'VARIABLE',
] as const;
export const subTargetTypeSchema = z.enum(SUB_TARGET_TYPES);
export type SubTargetType = z.infer<typeof subTargetTypeSchema>;

export const EVENT_ORIGINS = ['API', 'CLI', 'CONSOLE', 'GIT', 'QOVERY_INTERNAL', 'SKILL', 'TERRAFORM_PROVIDER'] as const;
export const eventOriginSchema = z.enum(EVENT_ORIGINS);
export type EventOrigin = z.infer<typeof eventOriginSchema>;

/** What the billing activity holds: the rest of the contract's events are outside a billing sandbox. */
export const BILLING_EVENT_TYPES = ['CREATE', 'UPDATE', 'DELETE', 'EXPORT'] as const satisfies readonly EventType[];
export type BillingEventType = (typeof BILLING_EVENT_TYPES)[number];
export const BILLING_SUB_TARGET_TYPES = ['BILLING_INFO', 'BILLING_USAGE_REPORT', 'CREDIT_CARD', 'CREDIT_CODE', 'PLAN'] as const satisfies readonly SubTargetType[];
export type BillingSubTargetType = (typeof BILLING_SUB_TARGET_TYPES)[number];
/** The origins a billing change can have here: the console, a token or the REST gateway, the MCP tools, the billing system itself. */
export const BILLING_ORIGINS = ['CONSOLE', 'API', 'SKILL', 'QOVERY_INTERNAL'] as const satisfies readonly EventOrigin[];

/** "A timestamp with nano precision": ISO 8601 in UTC with 0 to 9 fraction digits. */
const nanoTimestamp = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/, 'Send a UTC timestamp such as 2026-01-31T12:00:00.000000000Z'));

/** The query parameters, as the contract names them; unknown ones are ignored like any API's. */
export const organizationEventsQuerySchema = z.object({
  pageSize: z.optional(
    // Written with the zod functions the first page already carries (zod's module is shared with it whole).
    z.pipe(
      z.pipe(z.string().check(z.regex(/^\d+$/, 'pageSize is a whole number')), z.transform(Number)),
      z.number().check(z.gte(1, 'pageSize is at least 1'), z.lte(100, 'pageSize is at most 100')),
    ),
  ),
  fromTimestamp: z.optional(nanoTimestamp),
  toTimestamp: z.optional(nanoTimestamp),
  continueToken: z.optional(nanoTimestamp),
  stepBackToken: z.optional(nanoTimestamp),
  eventType: z.optional(eventTypeSchema),
  targetType: z.optional(targetTypeSchema),
  targetId: z.optional(z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'targetId is a UUID'))),
  subTargetType: z.optional(subTargetTypeSchema),
  triggeredBy: z.optional(z.string()),
  origin: z.optional(eventOriginSchema),
  serviceProjectId: z.optional(z.string()),
  serviceEnvironmentId: z.optional(z.string()),
});
export type OrganizationEventsQuery = z.infer<typeof organizationEventsQuerySchema>;

export const DEFAULT_EVENTS_PAGE_SIZE = 10;

/** Where the console reads a page token: links carry it, the client calls through its own base URL. */
export function pageToken(link: string | undefined, name: 'continueToken' | 'stepBackToken'): string | undefined {
  if (link === undefined) return undefined;
  try {
    return new URL(link, 'http://localhost').searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

const nullableString = z.optional(z.nullable(z.string()));

/**
 * getOrganizationEvents' answer (tag "Organization Event"). Here rather than in contract.ts: contract.ts is
 * on the first page, and only the pages that show events need these schemas.
 */
export const organizationEventSchema = z.object({
  id: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  event_type: z.optional(z.string()),
  target_id: nullableString,
  target_name: z.optional(z.string()),
  target_type: z.optional(z.string()),
  sub_target_type: nullableString,
  change: z.optional(z.string()),
  origin: z.optional(z.string()),
  triggered_by: z.optional(z.string()),
  project_id: nullableString,
  project_name: z.optional(z.string()),
  environment_id: nullableString,
  environment_name: z.optional(z.string()),
  user_agent: nullableString,
  original_change: nullableString,
});
export type OrganizationEvent = z.infer<typeof organizationEventSchema>;

export const organizationEventListSchema = z.object({
  links: z.optional(z.object({ previous: z.optional(z.string()), next: z.optional(z.string()) })),
  organization_max_limit_reached: z.optional(z.boolean()),
  events: z.optional(z.array(organizationEventSchema)),
});
export type OrganizationEventList = z.infer<typeof organizationEventListSchema>;
