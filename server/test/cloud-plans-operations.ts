import type { Role } from './operations';

/**
 * The six operations of the Cloud Plans Billing contract, written out from seed 001 (paths, methods,
 * actions, where each request's fields go) and DESIGN.md (who may call each) rather than derived
 * from src/api's Cloud Plans table, so that the tests check the table against the documents.
 */

/** DESIGN.md, "Permissions": "Cloud Plans describe, history, update-card link". */
const DESCRIBE_HISTORY_CARD: readonly Role[] = ['admin', 'billing_manager'];
/** DESIGN.md, "Permissions": "change plan; Cloud Plans create/update/cancel subscription". */
const SUBSCRIPTION_CHANGES: readonly Role[] = ['admin'];

export interface CloudPlansOperation {
  /** The `action` query parameter. */
  action: string;
  method: 'GET' | 'POST';
  /** The seed's path, served under /api. */
  path: string;
  roles: readonly Role[];
  /** A valid request for an organization: fields of the query string (besides the action) and the JSON body, where the seed puts them. */
  request: (organizationId: string) => { query: Record<string, string>; body?: unknown };
  /**
   * What a caller whose role allows it gets on Acme as seeded: 409 for getpaymentlink, Acme having
   * an active subscription already.
   */
  allowedOnAcme: 200 | 409;
}

export const CLOUD_PLANS_OPERATIONS: readonly CloudPlansOperation[] = [
  {
    action: 'getorganization',
    method: 'GET',
    path: '/v1/organizations/billing/describe',
    roles: DESCRIBE_HISTORY_CARD,
    // The seed puts org_id in a GET body, which fetch cannot send: the query string, as the console does.
    request: (organizationId) => ({ query: { org_id: organizationId } }),
    allowedOnAcme: 200,
  },
  {
    action: 'list_billing',
    method: 'GET',
    path: '/v1/organizations/billing/history',
    roles: DESCRIBE_HISTORY_CARD,
    request: (organizationId) => ({ query: { org_id: organizationId } }),
    allowedOnAcme: 200,
  },
  {
    action: 'getpaymentlink',
    method: 'POST',
    path: '/v1/organizations/billing/update',
    roles: SUBSCRIPTION_CHANGES,
    request: (organizationId) => ({ query: { org_id: organizationId, quantity: '2' } }),
    allowedOnAcme: 409,
  },
  {
    action: 'getupdatecardlink',
    method: 'POST',
    path: '/v1/organizations/billing/update',
    roles: DESCRIBE_HISTORY_CARD,
    request: (organizationId) => ({ query: {}, body: { org_id: organizationId } }),
    allowedOnAcme: 200,
  },
  {
    action: 'updatesubscription',
    method: 'POST',
    path: '/v1/organizations/billing/update',
    roles: SUBSCRIPTION_CHANGES,
    request: (organizationId) => ({ query: {}, body: { org_id: organizationId, quantity: 5 } }),
    allowedOnAcme: 200,
  },
  {
    action: 'cancelsubscription',
    method: 'POST',
    path: '/v1/organizations/billing/update',
    roles: SUBSCRIPTION_CHANGES,
    request: (organizationId) => ({ query: {}, body: { org_id: organizationId } }),
    allowedOnAcme: 200,
  },
];

export function cloudPlansOperation(action: string): CloudPlansOperation {
  const found = CLOUD_PLANS_OPERATIONS.find((candidate) => candidate.action === action);
  if (!found) throw new Error(`Unknown Cloud Plans action ${action}`);
  return found;
}

/** The operation's address for an organization, with its action and query string fields. */
export function cloudPlansUrl(operation: CloudPlansOperation, organizationId: string): string {
  return `/api${operation.path}?${new URLSearchParams({ action: operation.action, ...operation.request(organizationId).query }).toString()}`;
}
