import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PLAN_CATALOG, planName } from '@/api/plans';
import { currentCostQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingBlock } from '@/components/ui/skeleton';
import { plural } from '@/lib/plural';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="tabular mt-1 text-base font-semibold text-ink sm:text-lg">{children}</dd>
    </div>
  );
}

/** The organization's plan cost: what it pays per period, when it renews, and what is left of a trial. */
export function CurrentCostCard({ organizationId }: { organizationId: string }) {
  const cost = useQuery(currentCostQuery(organizationId));
  return (
    <Card title="Current cost">
      {cost.isPending ? (
        <LoadingBlock label="Loading the current cost" lines={2} />
      ) : cost.isError ? (
        <ErrorState title="Could not load the current cost" error={cost.error} onRetry={() => void cost.refetch()} retrying={cost.isFetching} />
      ) : (
        <dl className="grid grid-cols-2 gap-4 xl:grid-cols-4">
          <Item label="Plan">{cost.data.plan ? planName(cost.data.plan) : 'Unknown'}</Item>
          <Item label="Plan cost">
            {cost.data.cost ? formatMinor(cost.data.cost.total_in_cents, cost.data.cost.currency_code) : 'Not available'}
            {cost.data.cost && cost.data.plan && <span className="text-sm font-normal text-ink-muted"> / {PLAN_CATALOG[cost.data.plan].period}</span>}
          </Item>
          <Item label="Renews on">{cost.data.renewal_at ? formatBillingDate(cost.data.renewal_at, 'long') : 'No renewal scheduled'}</Item>
          <Item label="Trial">{(cost.data.remaining_trial_day ?? 0) > 0 ? `${plural(cost.data.remaining_trial_day ?? 0, 'day', 'days')} left` : 'Not on trial'}</Item>
        </dl>
      )}
    </Card>
  );
}
