import * as clusters from './contract-clusters';
import type { Operation } from './operation';

/**
 * The reads of the Qovery Billing contract that only the costs page makes (its clusters and their
 * cost ranges): rows of the operation table (operation-table.ts joins them), apart from
 * operations.ts so that the first page, whose loaders take that module whole, loads none of their
 * schemas.
 */

export const listOrganizationCluster = {
  method: 'GET',
  path: '/organization/{organizationId}/cluster',
  answer: clusters.clusterListSchema,
  permission: 'organization:read',
} as const satisfies Operation;
export const getClusterCurrentCost = {
  method: 'GET',
  path: '/organization/{organizationId}/cluster/{clusterId}/currentCost',
  answer: clusters.costRangeSchema,
  permission: 'organization:read',
  gateway: 'read',
} as const satisfies Operation;
