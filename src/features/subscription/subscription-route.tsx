import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error';
import { cloudPlansBillingQuery, cloudPlansHistoryQuery } from '@/api/page-queries';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import NoAccessPage from '@/components/no-access-page';
import { PageHeader } from '@/components/ui/page-header';
import { isForbidden, QueryState } from '@/components/query-state';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useCurrentOrganization } from '@/lib/use-organization';
import { BillingHistory } from './components/billing-history';
import { SubscriptionPanel } from './components/subscription-panel';
import { useHostedPageReturn } from './components/use-hosted-page-return';
import { useSubscriptionMessages } from './messages';

function hasStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

export function Component() {
  const t = useSubscriptionMessages();
  const { organizationId, organization, role } = useCurrentOrganization();
  const billing = useQuery(cloudPlansBillingQuery(organizationId));
  const history = useQuery(cloudPlansHistoryQuery(organizationId));
  useHostedPageReturn(organizationId);

  const header = <PageHeader title={t.title()} description={t.description()} documentTitle={organization ? t.documentTitle({ organization: organization.name }) : t.title()} />;

  // A backend that does not tell roles answers 403: the whole page is then the route's no-access page.
  if (isForbidden(billing.error)) return <NoAccessPage />;

  const notConfigured = [billing.error, history.error].find((error) => hasStatus(error, 501));
  if (notConfigured) {
    return (
      <>
        {header}
        <Alert tone="info" title={t.notConfigured()}>
          {t.notConfiguredBody({ message: notConfigured.message })}
        </Alert>
      </>
    );
  }

  return (
    <>
      {header}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t.subscriptionTitle()} className="lg:col-span-2">
          <QueryState query={billing} loading={t.loadingSubscription()} lines={4} errorTitle={t.subscriptionError()}>
            {(data) => <SubscriptionPanel organizationId={organizationId} billing={data.response} role={role} />}
          </QueryState>
        </Card>
        <Card title={t.organization()}>
          {billing.data ? (
            <dl className="flex flex-col gap-3">
              <div>
                <dt className="text-sm text-ink-muted">{t.name()}</dt>
                <dd className="font-medium text-ink">{billing.data.response.organization.name}</dd>
              </div>
              <div>
                <dt className="text-sm text-ink-muted">{t.owner()}</dt>
                <dd className="break-all font-medium text-ink">{billing.data.response.organization.owner}</dd>
              </div>
              <div>
                <dt className="text-sm text-ink-muted">{t.resources()}</dt>
                <dd className="tabular font-medium text-ink">{billing.data.response.organization.resources}</dd>
              </div>
            </dl>
          ) : billing.isError ? (
            <p className="text-sm text-ink-muted">{t.organizationNotAvailable()}</p>
          ) : (
            <LoadingBlock label={t.loadingOrganization()} lines={3} />
          )}
        </Card>
      </div>
      <BillingHistory query={history} organizationName={organization?.name} />
    </>
  );
}
