import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { planPeriod } from '@/api/plan-period';
import { currentCostQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { usePlanName } from '@/components/ui/plan-name';
import { LoadingBlock } from '@/components/ui/skeleton';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import { useCostsMessages } from '../messages';

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
  const t = useCostsMessages();
  const planName = usePlanName();
  const cost = useQuery(currentCostQuery(organizationId));
  const trialDays = cost.data?.remaining_trial_day ?? 0;
  return (
    <Card title={t.currentCost()}>
      {cost.isPending ? (
        <LoadingBlock label={t.loadingCost()} lines={2} />
      ) : cost.isError ? (
        <ErrorState title={t.costError()} error={cost.error} onRetry={() => void cost.refetch()} retrying={cost.isFetching} />
      ) : (
        <dl className="grid grid-cols-2 gap-4 xl:grid-cols-4">
          <Item label={t.plan()}>{cost.data.plan ? planName(cost.data.plan) : t.unknownPlan()}</Item>
          <Item label={t.planCost()}>
            {cost.data.cost ? formatMinor(cost.data.cost.total_in_cents, cost.data.cost.currency_code) : t.notAvailable()}
            {cost.data.cost && cost.data.plan && <span className="text-sm font-normal text-ink-muted"> {t.perPeriod({ period: planPeriod(cost.data.plan) })}</span>}
          </Item>
          <Item label={t.renewsOn()}>{cost.data.renewal_at ? formatBillingDate(cost.data.renewal_at, 'long') : t.noRenewal()}</Item>
          <Item label={t.trial()}>{trialDays > 0 ? t.trialLeft({ days: trialDays }) : t.notOnTrial()}</Item>
        </dl>
      )}
    </Card>
  );
}
