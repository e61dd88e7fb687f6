import * as z from 'zod/mini';
import { dateTime } from './contract';

/**
 * The contract's clusters and their cost ranges (shared/contracts/qovery-billing-openapi.yaml), apart
 * from contract.ts: only the costs page reads them, so the first page does not load their schemas.
 */

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
