import { useQueries, useQuery } from '@tanstack/react-query';
import { Component as ReactComponent, lazy, Suspense, useState, type ReactNode } from 'react';
import type { Cluster } from '@/api/contract-clusters';
import { clusterCostQuery, clustersQuery } from '@/api/page-queries';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { useUiMessages } from '@/components/ui/messages';
import { LoadingBlock, Skeleton } from '@/components/ui/skeleton';
import { useFocusRequest } from '@/components/ui/use-focus-request';
import { formatMinor } from '@/lib/money';
import { richText } from '@/lib/rich-text';
import { toCostRow, totalsByCurrency, type ClusterCostRow } from '../cluster-costs';
import { loadCostRangeChart } from '../loader';
import { useCostsMessages } from '../messages';
import { ColumnHeader } from '@/components/ui/column-header';
import { useFieldErrorText } from '@/components/ui/field-error-text';

const CostRangeChart = lazy(() => loadCostRangeChart().then((module) => ({ default: module.CostRangeChart })));

/** If the chart's code cannot load, the table still carries every number: say so instead of failing the page. */
class ChartBoundary extends ReactComponent<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) return this.props.fallback;
    return this.props.children;
  }
}

type CostState = { kind: 'loading' } | { kind: 'error'; error: Error; retry: () => Promise<boolean>; retrying: boolean } | { kind: 'loaded'; row: ClusterCostRow };

function Money({ cents, currency }: { cents: number; currency: string }) {
  return <>{formatMinor(cents, currency)}</>;
}

function Summary({ rows, clusterCount }: { rows: readonly ClusterCostRow[]; clusterCount: number }) {
  const t = useCostsMessages();
  const totals = totalsByCurrency(rows);
  if (totals.length === 0) return null;
  return (
    <div className="mb-4 space-y-1">
      {totals.map((total) => {
        const min = formatMinor(total.minCents, total.currency);
        const values = {
          range: total.maxCents !== total.minCents ? t.amountRange({ min, max: formatMinor(total.maxCents, total.currency) }) : min,
          clusters: total.clusters,
          current: formatMinor(total.currentCents, total.currency),
          currency: total.currency,
        };
        return (
          <p key={total.currency} className="text-sm text-ink-muted">
            {richText(totals.length > 1 ? t.summaryIn(values) : t.summary(values), {
              amount: (chunk) => <span className="tabular text-xl font-semibold text-ink">{chunk}</span>,
            })}
          </p>
        );
      })}
      {rows.length < clusterCount && <p className="text-sm text-ink-muted">{t.leftOut({ count: clusterCount - rows.length })}</p>}
    </div>
  );
}

function CostTable({ clusters, states }: { clusters: readonly Cluster[]; states: readonly CostState[] }) {
  const t = useCostsMessages();
  const ui = useUiMessages();
  const errorText = useFieldErrorText();
  const rows = states.flatMap((state) => (state.kind === 'loaded' ? [state.row] : []));
  const totals = totalsByCurrency(rows);
  const perCurrency = totals.length > 1;
  // A successful retry replaces the Retry button with the numbers: the focus moves to the cluster's row.
  const [retriedId, setRetriedId] = useState<string | null>(null);
  const retriedRow = useFocusRequest<HTMLTableCellElement>();
  const retry = (clusterId: string, state: { retry: () => Promise<boolean> }, button: HTMLButtonElement) => {
    void state.retry().then((succeeded) => {
      // Unless the user has moved on while it loaded.
      const focused = document.activeElement;
      if (!succeeded || (focused !== button && focused !== document.body && focused !== null)) return;
      setRetriedId(clusterId);
      retriedRow.request();
    });
  };
  return (
    // Scrolls sideways only when a long cluster name cannot wrap; a scrollable region must be reachable by keyboard.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="overflow-x-auto" role="region" aria-label={t.tableRegion()} tabIndex={0}>
      <table className="tabular w-full text-[0.8125rem] sm:text-sm">
        <caption className="sr-only">{t.tableCaption()}</caption>
        <thead>
          <tr className="border-b border-line text-start text-ink-muted">
            <ColumnHeader className="py-2 pe-2 sm:pe-3">{t.cluster()}</ColumnHeader>
            <ColumnHeader className="py-2 pe-2 sm:pe-3 text-end">{t.minimum()}</ColumnHeader>
            <ColumnHeader className="py-2 pe-2 sm:pe-3 text-end">{t.now()}</ColumnHeader>
            <ColumnHeader className="py-2 text-end">{t.maximum()}</ColumnHeader>
          </tr>
        </thead>
        <tbody>
          {clusters.map((cluster, index) => {
            const state = states[index] ?? { kind: 'loading' };
            return (
              <tr key={cluster.id} className="border-b border-line align-top">
                <th
                  scope="row"
                  ref={cluster.id === retriedId ? retriedRow.ref : undefined}
                  tabIndex={cluster.id === retriedId ? -1 : undefined}
                  className="py-2 pe-2 text-start font-medium text-ink focus:outline-none sm:pe-3"
                >
                  {cluster.name}
                  <span className="block text-xs font-normal text-ink-muted">
                    {cluster.cloud_provider} · {cluster.region}
                  </span>
                </th>
                {state.kind === 'loaded' ? (
                  <>
                    <td className="py-2 pe-2 sm:pe-3 text-end">
                      <Money cents={state.row.minCents} currency={state.row.currency} />
                    </td>
                    <td className="py-2 pe-2 sm:pe-3 text-end">
                      <Money cents={state.row.currentCents} currency={state.row.currency} />
                    </td>
                    <td className="py-2 text-end">
                      <Money cents={state.row.maxCents} currency={state.row.currency} />
                    </td>
                  </>
                ) : state.kind === 'loading' ? (
                  <td colSpan={3} className="py-2">
                    <span role="status" className="sr-only">
                      {t.loadingClusterCost({ cluster: cluster.name })}
                    </span>
                    <Skeleton className="ms-auto h-5 w-3/4" />
                  </td>
                ) : (
                  <td colSpan={3} className="py-2">
                    <div role="alert" className="flex flex-wrap items-center justify-end gap-2 text-danger-ink">
                      <span>{t.clusterCostError({ message: errorText(state.error.message) })}</span>
                      <Button
                        variant="secondary"
                        size="sm"
                        onClick={(event) => retry(cluster.id, state, event.currentTarget)}
                        pending={state.retrying}
                        aria-label={t.retryClusterCost({ cluster: cluster.name })}
                      >
                        {ui.retry()}
                      </Button>
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        {totals.length > 0 && (
          <tfoot>
            {totals.map((total) => (
              <tr key={total.currency} className="font-semibold text-ink">
                <th scope="row" className="py-2 pe-2 sm:pe-3 text-start">
                  {perCurrency ? t.totalIn({ currency: total.currency }) : t.total()}
                </th>
                <td className="py-2 pe-2 sm:pe-3 text-end">
                  <Money cents={total.minCents} currency={total.currency} />
                </td>
                <td className="py-2 pe-2 sm:pe-3 text-end">
                  <Money cents={total.currentCents} currency={total.currency} />
                </td>
                <td className="py-2 text-end">
                  <Money cents={total.maxCents} currency={total.currency} />
                </td>
              </tr>
            ))}
          </tfoot>
        )}
      </table>
    </div>
  );
}

/**
 * Every cluster's cost range, requested in parallel once the list is known (the loader already
 * started them). Each cluster loads and fails on its own: one failing leaves the others, the chart
 * and the sums standing, and the sums say what they leave out.
 */
export function ClusterCosts({ organizationId }: { organizationId: string }) {
  const t = useCostsMessages();
  const clusters = useQuery(clustersQuery(organizationId));
  const list = clusters.data?.results ?? [];
  const states = useQueries({
    queries: list.map((cluster) => clusterCostQuery(organizationId, cluster.id)),
    combine: (results) =>
      results.map((result, index): CostState => {
        const cluster = list[index];
        if (result.data && cluster) return { kind: 'loaded', row: toCostRow(cluster, result.data) };
        if (result.isError) return { kind: 'error', error: result.error, retry: async () => (await result.refetch()).isSuccess, retrying: result.isFetching };
        return { kind: 'loading' };
      }),
  });
  const rows = states.flatMap((state) => (state.kind === 'loaded' ? [state.row] : []));
  const currencies = [...new Set(rows.map((row) => row.currency))];
  const anyLoading = states.some((state) => state.kind === 'loading');

  return (
    <Card title={t.clusters()}>
      {clusters.isPending ? (
        <LoadingBlock label={t.loadingClusters()} lines={4} />
      ) : clusters.isError ? (
        <ErrorState title={t.clustersError()} error={clusters.error} onRetry={() => void clusters.refetch()} retrying={clusters.isFetching} />
      ) : list.length === 0 ? (
        <p className="text-sm text-ink-muted">{t.noClusters()}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-ink-muted">{t.clustersIntro()}</p>
          <Summary rows={rows} clusterCount={list.length} />
          <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
            <div className="min-w-0 space-y-6">
              {currencies.length === 0 ? (
                anyLoading ? (
                  <LoadingBlock label={t.loadingChart()} lines={3} />
                ) : (
                  <p className="text-sm text-ink-muted">{t.nothingToChart()}</p>
                )
              ) : (
                <ChartBoundary fallback={<p className="text-sm text-ink-muted">{t.chartFailed()}</p>}>
                  <Suspense fallback={<LoadingBlock label={t.loadingChart()} lines={3} />}>
                    {currencies.map((currency) => (
                      <CostRangeChart key={currency} currency={currency} rows={rows.filter((row) => row.currency === currency)} />
                    ))}
                  </Suspense>
                </ChartBoundary>
              )}
            </div>
            <CostTable clusters={list} states={states} />
          </div>
        </>
      )}
    </Card>
  );
}
