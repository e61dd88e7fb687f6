import { queryOptions } from '@tanstack/react-query';
import { describeCloudPlansBilling, listCloudPlansBillingHistory } from './cloud-plans-reads';
import * as clusterReads from './operation-cluster-reads';
import { operationQuery } from './queries';

/**
 * Query keys and options of the reads only one later page makes (the costs page's clusters, the
 * subscription page's Cloud Plans billing), apart from queries.ts so that the first page loads none
 * of their schemas; those pages' loaders come with their modules (src/app/router.tsx).
 */

export const clustersQuery = (organizationId: string) => operationQuery(clusterReads.listOrganizationCluster, { organizationId });
export const clusterCostQuery = (organizationId: string, clusterId: string) => operationQuery(clusterReads.getClusterCurrentCost, { organizationId, clusterId });

export const cloudPlansKeys = {
  all: (organizationId: string) => ['organization', organizationId, 'cloud-plans'] as const,
  billing: (organizationId: string) => ['organization', organizationId, 'cloud-plans', 'billing'] as const,
  history: (organizationId: string) => ['organization', organizationId, 'cloud-plans', 'history'] as const,
};

export const cloudPlansBillingQuery = (organizationId: string) =>
  queryOptions({
    queryKey: cloudPlansKeys.billing(organizationId),
    queryFn: ({ signal }) => describeCloudPlansBilling(organizationId, signal),
  });

export const cloudPlansHistoryQuery = (organizationId: string) =>
  queryOptions({
    queryKey: cloudPlansKeys.history(organizationId),
    queryFn: ({ signal }) => listCloudPlansBillingHistory(organizationId, signal),
  });
