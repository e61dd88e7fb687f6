import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { billingExternalIdQuery, currentCostQuery } from '@/api/queries';
import { mayUse } from '@/api/permissions';
import { PLAN_CATALOG, planName } from '@/api/plans';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/skeleton';
import { plural } from '@/lib/plural';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import { useCurrentOrganization } from '@/lib/use-organization';
import { BillingHealthPanel } from './components/billing-health-panel';

function Value({ children }: { children: ReactNode }) {
  return <p className="tabular text-2xl font-semibold text-ink">{children}</p>;
}

export function Component() {
  const { organizationId, organization, role } = useCurrentOrganization();
  const cost = useQuery(currentCostQuery(organizationId));
  const canReadBilling = mayUse(role, 'billing:read');
  const externalId = useQuery({ ...billingExternalIdQuery(organizationId), enabled: canReadBilling });

  const costError = cost.isError && <ErrorState title="Could not load the current cost" error={cost.error} onRetry={() => void cost.refetch()} retrying={cost.isFetching} />;
  const trialDays = cost.data?.remaining_trial_day ?? 0;

  return (
    <>
      <PageHeader
        title="Overview"
        description={organization ? `Billing at a glance for ${organization.name}` : undefined}
        documentTitle={organization ? `Overview · ${organization.name}` : 'Overview'}
      />
      <BillingHealthPanel organizationId={organizationId} organization={organization} role={role} />

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card title="Plan">
          {cost.isPending ? (
            <LoadingBlock label="Loading the plan" />
          ) : (
            costError || (
              <>
                <Value>{planName(cost.data?.plan ?? organization?.plan ?? '')}</Value>
                {trialDays > 0 ? (
                  <Badge tone="info" className="mt-2">
                    Trial: {plural(trialDays, 'day', 'days')} left
                  </Badge>
                ) : (
                  <p className="mt-2 text-sm text-ink-muted">Not on trial</p>
                )}
              </>
            )
          )}
        </Card>

        <Card title="Current cost">
          {cost.isPending ? (
            <LoadingBlock label="Loading the current cost" />
          ) : (
            costError || (
              <>
                <Value>
                  {cost.data?.cost ? formatMinor(cost.data.cost.total_in_cents, cost.data.cost.currency_code) : 'Not available'}
                  {/* Kept on the price's line: "/ month" alone on the next one read as a separate value. */}
                  {cost.data?.cost && cost.data.plan && (
                    <span className="whitespace-nowrap text-sm font-normal text-ink-muted">
                      {'\u00a0'}/ {PLAN_CATALOG[cost.data.plan].period}
                    </span>
                  )}
                </Value>
                <p className="mt-2 text-sm text-ink-muted">{cost.data?.renewal_at ? `Renews on ${formatBillingDate(cost.data.renewal_at, 'long')}` : 'No renewal scheduled'}</p>
              </>
            )
          )}
        </Card>

        <Card title="Billing account">
          {!canReadBilling ? (
            <p className="text-sm text-ink-muted">The billing account is visible to admins and billing managers.</p>
          ) : externalId.isPending ? (
            <LoadingBlock label="Loading the billing account" />
          ) : externalId.isError ? (
            <ErrorState title="Could not load the billing account" error={externalId.error} onRetry={() => void externalId.refetch()} retrying={externalId.isFetching} />
          ) : externalId.data.id ? (
            <>
              <div className="flex flex-wrap items-center gap-2">
                <code className="break-all rounded bg-surface-muted px-2 py-1 text-sm text-ink">{externalId.data.id}</code>
                <CopyButton value={externalId.data.id} label="Copy the billing account ID" />
              </div>
              <p className="mt-2 text-xs text-ink-muted">Quote this ID when you contact billing support.</p>
            </>
          ) : (
            <p className="text-sm text-ink-muted">No billing account yet.</p>
          )}
        </Card>
      </div>
    </>
  );
}
