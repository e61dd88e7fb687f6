/**
 * Sandbox price list for cluster infrastructure (README, "Sandbox prices"): a monthly price per node
 * by instance type, plus the provider's managed control plane. A cluster's cost range runs from its
 * minimum to its maximum node count; its current cost uses the nodes running now.
 */
/** The currency of the sandbox's cluster prices. */
export const CLUSTER_CURRENCY = 'USD';

export const NODE_MONTHLY_CENTS: Record<string, number> = {
  T3A_MEDIUM: 2_745,
  T3A_LARGE: 5_490,
  T3A_XLARGE: 10_979,
  M5_LARGE: 7_008,
  N2_STANDARD_4: 14_177,
  DEV1_L: 3_964,
};

export const CONTROL_PLANE_MONTHLY_CENTS: Record<string, number> = {
  AWS: 7_300,
  GCP: 7_300,
  AZURE: 0,
  SCW: 0,
};

const DEFAULT_NODE_MONTHLY_CENTS = 5_000;

export interface ClusterSizing {
  cloud_provider: string;
  instance_type: string;
  min_running_nodes: number;
  max_running_nodes: number;
  running_nodes: number;
}

export interface ClusterCost {
  minCents: number;
  maxCents: number;
  currentCents: number;
}

export function clusterCost(cluster: ClusterSizing): ClusterCost {
  const node = NODE_MONTHLY_CENTS[cluster.instance_type] ?? DEFAULT_NODE_MONTHLY_CENTS;
  const controlPlane = CONTROL_PLANE_MONTHLY_CENTS[cluster.cloud_provider] ?? 0;
  return {
    minCents: controlPlane + node * cluster.min_running_nodes,
    maxCents: controlPlane + node * cluster.max_running_nodes,
    currentCents: controlPlane + node * cluster.running_nodes,
  };
}
