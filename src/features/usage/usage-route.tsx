import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { planPeriod } from '@/api/plan-period';
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
import { useUsageMessages } from './messages';
import { reportHistory, useReportHistory } from './report-history';

export function Component() {
  const t = useUsageMessages();
  const { organizationId, organization } = useCurrentOrganization();
  const session = useSession();
  const ownerId = session?.user?.id ?? null;
  const cost = useQuery(currentCostQuery(organizationId));
  const [openedAt] = useState(() => new Date());
  const history = useReportHistory();
  const reports = history.filter((report) => report.organizationId === organizationId && report.ownerId === ownerId);
  const title = t.title();

  useEffect(() => reportHistory.keepOnlyOwner(ownerId), [ownerId]);

  // A yearly plan's cycles last a year; cycles that ended before the organization existed have no usage.
  const cycleLength = organization ? planPeriod(organization.plan) : 'month';
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
      <PageHeader title={title} description={t.description()} documentTitle={organization ? t.documentTitle({ organization: organization.name }) : title} />
      <div className="flex flex-col gap-6">
        <Card title={t.newReport()}>
          {cost.isPending || !organization ? (
            <LoadingBlock label={t.loadingCycles()} lines={3} />
          ) : (
            <>
              {cost.isError && (
                <div className="mb-4">
                  <ErrorState title={t.cyclesError()} error={cost.error} onRetry={() => void cost.refetch()} retrying={cost.isFetching} />
                </div>
              )}
              {cost.data && !cost.data.renewal_at && <p className="mb-4 text-sm text-ink-muted">{t.noRenewalDate()}</p>}
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
        <Card title={t.generatedHere()}>
          <ReportList reports={reports} />
        </Card>
      </div>
    </>
  );
}
