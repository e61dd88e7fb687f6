import { ApiError } from '#api/api-error';
import type { Cluster } from '#api/contract-clusters';
import { CLOUD_VENDORS, CLUSTER_STATES } from '#api/contract-clusters';
import * as clusterReads from '#api/operation-cluster-reads';
import * as operations from '#api/operations';
import { parseUuid } from './auth';
import type { BillingRules } from './billing-rules';
import type { OrganizationRow, SandboxContext } from './context';
import type { OperationRoutes } from './operation-routes';
import { minorToUnits } from '#lib/money';
import { CLUSTER_CURRENCY, clusterCost } from './pricing';

interface ClusterRow {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  region: string;
  cloud_provider: string;
  instance_type: string;
  min_running_nodes: number;
  max_running_nodes: number;
  running_nodes: number;
  disk_size: number;
  cpu: number;
  memory: number;
  status: string;
  version: string;
  production: number;
  is_default: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

function pick<T extends string>(allowed: readonly T[], value: string, fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

function toCluster(row: ClusterRow): Cluster {
  const cost = clusterCost(row);
  return {
    id: row.id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    organization: { id: row.organization_id },
    name: row.name,
    description: row.description,
    region: row.region,
    cloud_provider: pick(CLOUD_VENDORS, row.cloud_provider, 'ON_PREMISE'),
    min_running_nodes: row.min_running_nodes,
    max_running_nodes: row.max_running_nodes,
    disk_size: row.disk_size,
    instance_type: row.instance_type,
    kubernetes: 'MANAGED',
    cpu: row.cpu,
    memory: row.memory,
    // The contract's field is a whole number of units.
    estimated_cloud_provider_cost: Math.round(minorToUnits(cost.currentCents, CLUSTER_CURRENCY)),
    status: pick(CLUSTER_STATES, row.status, 'READY'),
    has_access: true,
    version: row.version,
    is_default: row.is_default === 1,
    is_demo: row.is_demo === 1,
    production: row.production === 1,
  };
}

export function organizationRoutes(ctx: SandboxContext, routes: OperationRoutes, rules: BillingRules): void {
  const { db } = ctx;
  const listForUser = db.prepare<[string], OrganizationRow>(
    `SELECT o.* FROM organizations o JOIN memberships m ON m.organization_id = o.id
     WHERE m.user_id = ? ORDER BY o.name COLLATE NOCASE`,
  );
  const listClusters = db.prepare<[string], ClusterRow>('SELECT * FROM clusters WHERE organization_id = ? ORDER BY created_at, name');
  const findCluster = db.prepare<[string, string], ClusterRow>('SELECT * FROM clusters WHERE id = ? AND organization_id = ?');

  routes.mountForUser(operations.listOrganization, (c) => {
    const now = ctx.now();
    return { results: listForUser.all(c.get('user').id).map((org) => rules.organization(org, now)) };
  });

  routes.mount(operations.getOrganization, ({ org }) => rules.organization(org, ctx.now()));

  routes.mount(clusterReads.listOrganizationCluster, ({ org }) => ({ results: listClusters.all(org.id).map(toCluster) }));

  routes.mount(clusterReads.getClusterCurrentCost, ({ org, param }) => {
    const clusterId = parseUuid(param('clusterId'));
    const cluster = clusterId === null ? undefined : findCluster.get(clusterId, org.id);
    if (!cluster) throw new ApiError(404, 'Cluster not found');
    const cost = clusterCost(cluster);
    return {
      total_in_cents: cost.currentCents,
      total: minorToUnits(cost.currentCents, CLUSTER_CURRENCY),
      currency_code: CLUSTER_CURRENCY,
      min_cost_in_cents: cost.minCents,
      min_cost: minorToUnits(cost.minCents, CLUSTER_CURRENCY),
      max_cost_in_cents: cost.maxCents,
      max_cost: minorToUnits(cost.maxCents, CLUSTER_CURRENCY),
    };
  });

  routes.mount(operations.getOrganizationCurrentCost, ({ org }) => rules.currentCost(org, ctx.now()));

  routes.mount(operations.getOrganizationBillingStatus, ({ org }) => rules.status(org, ctx.now()));
}
