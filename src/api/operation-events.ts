import type { Operation } from './operation';
import { organizationEventListSchema, organizationEventsQuerySchema } from './organization-events';

/**
 * The billing activity's row of the operation table. A read, but not in operations.ts: only the Activity
 * page (its loader and its component, one lazy chunk) reads it, and the first page, which takes
 * operations.ts whole, has no room for its query schema's enums. Nor in operation-actions.ts, whose
 * request schemas would then load with it.
 */
export const getOrganizationEvents = {
  method: 'GET',
  path: '/organization/{organizationId}/events',
  query: organizationEventsQuerySchema,
  answer: organizationEventListSchema,
  permission: 'billing:read',
  gateway: 'read',
} as const satisfies Operation;
