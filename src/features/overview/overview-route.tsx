import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { billingExternalIdQuery, currentCostQuery } from '@/api/queries';
import { mayUse } from '@/api/permissions';
import { planPeriod } from '@/api/plan-period';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { usePlanName } from '@/components/ui/plan-name';
import { LoadingBlock } from '@/components/ui/skeleton';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import { useCurrentOrganization } from '@/lib/use-organization';
import { BillingHealthPanel } from './components/billing-health-panel';
import { WhenInView } from './components/when-in-view';
import { useOverviewMessages } from './messages';

// Its own chunk, with the events' words, fetched when its box comes into view: it sits below the
// fold, and the first page has no room for it (docs/decisions/first-page-budget.md).
const RecentActivity = lazy(() => import('./components/recent-activity'));

function Value({ children }: { children: ReactNode }) {
  return <p className="tabular text-2xl font-semibold text-ink">{children}</p>;
}

export function Component() {
  const t = useOverviewMessages();
  const planName = usePlanName();
  const { organizationId, organization, role } = useCurrentOrganization();
  const cost = useQuery(currentCostQuery(organizationId));
  const canReadBilling = mayUse(role, 'billing:read');
  const externalId = useQuery({ ...billingExternalIdQuery(organizationId), enabled: canReadBilling });

  const costError = cost.isError && <ErrorState title={t.costError()} error={cost.error} onRetry={() => void cost.refetch()} retrying={cost.isFetching} />;
  const trialDays = cost.data?.remaining_trial_day ?? 0;
  const recentPlaceholder = (
    <div className="min-h-56">
      <LoadingBlock label={t.loadingRecentActivity()} />
    </div>
  );

  return (
    <>
      <PageHeader
        title={t.title()}
        description={organization ? t.description({ organization: organization.name }) : undefined}
        documentTitle={organization ? t.documentTitle({ organization: organization.name }) : t.title()}
      />
      <BillingHealthPanel organizationId={organizationId} organization={organization} role={role} />

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card title={t.plan()}>
          {cost.isPending ? (
            <LoadingBlock label={t.loadingPlan()} />
          ) : (
            costError || (
              <>
                <Value>{planName(cost.data?.plan ?? organization?.plan ?? '')}</Value>
                {trialDays > 0 ? (
                  <Badge tone="info" className="mt-2">
                    {t.trialLeft({ days: trialDays })}
                  </Badge>
                ) : (
                  <p className="mt-2 text-sm text-ink-muted">{t.notOnTrial()}</p>
                )}
              </>
            )
          )}
        </Card>

        <Card title={t.currentCost()}>
          {cost.isPending ? (
            <LoadingBlock label={t.loadingCost()} />
          ) : (
            costError || (
              <>
                <Value>
                  {cost.data?.cost ? formatMinor(cost.data.cost.total_in_cents, cost.data.cost.currency_code) : t.notAvailable()}
                  {/* Kept on the price's line: "/ month" alone on the next one read as a separate value. */}
                  {cost.data?.cost && cost.data.plan && (
                    <span className="whitespace-nowrap text-sm font-normal text-ink-muted">
                      {'\u00a0'}
                      {t.perPeriod({ period: planPeriod(cost.data.plan) })}
                    </span>
                  )}
                </Value>
                <p className="mt-2 text-sm text-ink-muted">{cost.data?.renewal_at ? t.renewsOn({ date: formatBillingDate(cost.data.renewal_at, 'long') }) : t.noRenewal()}</p>
              </>
            )
          )}
        </Card>

        <Card title={t.billingAccount()}>
          {!canReadBilling ? (
            <p className="text-sm text-ink-muted">{t.billingAccountHidden()}</p>
          ) : externalId.isPending ? (
            <LoadingBlock label={t.loadingBillingAccount()} />
          ) : externalId.isError ? (
            <ErrorState title={t.billingAccountError()} error={externalId.error} onRetry={() => void externalId.refetch()} retrying={externalId.isFetching} />
          ) : externalId.data.id ? (
            <>
              <div className="flex flex-wrap items-center gap-2">
                <code className="break-all rounded bg-surface-muted px-2 py-1 text-sm text-ink">{externalId.data.id}</code>
                <CopyButton value={externalId.data.id} label={t.copyBillingAccount()} />
              </div>
              <p className="mt-2 text-xs text-ink-muted">{t.quoteBillingAccount()}</p>
            </>
          ) : (
            <p className="text-sm text-ink-muted">{t.noBillingAccount()}</p>
          )}
        </Card>
      </div>
      {canReadBilling && (
        <Card title={t.recentActivity()} className="mt-4">
          {/* The last block: the height of three events and the link is kept while they load, then it fits them. */}
          <WhenInView placeholder={recentPlaceholder}>
            <Suspense fallback={recentPlaceholder}>
              <RecentActivity organizationId={organizationId} placeholder={recentPlaceholder} />
            </Suspense>
          </WhenInView>
        </Card>
      )}
    </>
  );
}
