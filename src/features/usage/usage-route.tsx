import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { PLAN_CATALOG } from '@/api/plans';
import { currentCostQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useSession } from '@/lib/session';
import { useCurrentOrganization } from '@/lib/use-organization';
import { billingCycles, renewalDay, renewalMonth } from './billing-cycles';
import { ReportList } from './components/report-list';
import { UsageReportForm } from './components/usage-report-form';
import { reportHistory, useReportHistory } from './report-history';

export function Component() {
  const { organizationId, organization } = useCurrentOrganization();
  const session = useSession();
  const ownerId = session?.user?.id ?? null;
  const cost = useQuery(currentCostQuery(organizationId));
  const [openedAt] = useState(() => new Date());
  const history = useReportHistory();
  const reports = history.filter((report) => report.organizationId === organizationId && report.ownerId === ownerId);
  const title = 'Usage reports';

  useEffect(() => reportHistory.keepOnlyOwner(ownerId), [ownerId]);

  // A yearly plan's cycles last a year; cycles that ended before the organization existed have no usage.
  const cycleLength = organization ? PLAN_CATALOG[organization.plan].period : 'month';
  const cycles =
    cost.data && organization
      ? billingCycles(renewalDay(cost.data.renewal_at), openedAt, 12, {
          length: cycleLength,
          renewalMonth: renewalMonth(cost.data.renewal_at),
          since: new Date(organization.created_at),
        })
      : [];
  return (
    <>
      <PageHeader
        title={title}
        description="A CSV of what each cluster used, day by day, behind a link that expires."
        documentTitle={organization ? `${title} · ${organization.name}` : title}
      />
      <div className="flex flex-col gap-6">
        <Card title="New report">
          {cost.isPending || !organization ? (
            <LoadingBlock label="Loading the billing cycles" lines={3} />
          ) : (
            <>
              {cost.isError && (
                <div className="mb-4">
                  <ErrorState
                    title="Could not load the billing cycles: choose a custom range, or retry"
                    error={cost.error}
                    onRetry={() => void cost.refetch()}
                    retrying={cost.isFetching}
                  />
                </div>
              )}
              {cost.data && !cost.data.renewal_at && <p className="mb-4 text-sm text-ink-muted">There is no renewal date: billing cycles follow calendar months.</p>}
              {/* Remounts with a billing cycle chosen once the cycles are known (after a retry). */}
              <UsageReportForm
                key={cycles.length > 0 ? 'cycles' : 'custom'}
                organizationId={organizationId}
                ownerId={ownerId}
                cycles={cycles}
                cycleLength={cycleLength}
                now={openedAt}
              />
            </>
          )}
        </Card>
        <Card title="Reports generated in this tab">
          <ReportList reports={reports} />
        </Card>
      </div>
    </>
  );
}
