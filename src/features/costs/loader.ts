import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { clusterCostQuery, clustersQuery } from '@/api/page-queries';
import { currentCostQuery } from '@/api/queries';

/** The chart's code (visx scales and axes) is its own chunk: it starts downloading with the page's data. */
export const loadCostRangeChart = () => import('./components/cost-range-chart');

/**
 * Starts every request the costs page needs and returns at once. Cluster costs need the cluster
 * ids, so each one starts the moment the list arrives, all in parallel, without waiting for the
 * page's code to render: one round trip of latency, never a chain of them.
 */
export function costsLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const organizationId = params.organizationId ?? '';
    void queryClient.prefetchQuery(currentCostQuery(organizationId));
    void loadCostRangeChart().catch(() => undefined);
    queryClient.fetchQuery(clustersQuery(organizationId)).then(
      (list) => {
        for (const cluster of list.results ?? []) void queryClient.prefetchQuery(clusterCostQuery(organizationId, cluster.id));
      },
      // The page shows the list's error with its retry.
      () => undefined,
    );
    return null;
  };
}
