import type { Cluster, CostRange } from '@/api/contract-clusters';

/** One cluster's monthly cost range, in integer cents so that sums are exact. */
export interface ClusterCostRow {
  clusterId: string;
  name: string;
  currency: string;
  minCents: number;
  maxCents: number;
  /** The current run rate (the contract's `total`). */
  currentCents: number;
}

export interface CurrencyTotal {
  currency: string;
  clusters: number;
  minCents: number;
  maxCents: number;
  currentCents: number;
}

/**
 * The contract makes min and max optional: a cluster that reports only its total costs exactly
 * that, so its range collapses onto it rather than being left out of the sums.
 */
export function toCostRow(cluster: Pick<Cluster, 'id' | 'name'>, cost: CostRange): ClusterCostRow {
  return {
    clusterId: cluster.id,
    name: cluster.name,
    currency: cost.currency_code.toUpperCase(),
    minCents: cost.min_cost_in_cents ?? cost.total_in_cents,
    maxCents: cost.max_cost_in_cents ?? cost.total_in_cents,
    currentCents: cost.total_in_cents,
  };
}

/**
 * Sums per currency, in the order currencies first appear: amounts in different currencies are
 * never added together.
 */
export function totalsByCurrency(rows: readonly ClusterCostRow[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const row of rows) {
    const total = totals.get(row.currency) ?? { currency: row.currency, clusters: 0, minCents: 0, maxCents: 0, currentCents: 0 };
    total.clusters += 1;
    total.minCents += row.minCents;
    total.maxCents += row.maxCents;
    total.currentCents += row.currentCents;
    totals.set(row.currency, total);
  }
  return [...totals.values()];
}
