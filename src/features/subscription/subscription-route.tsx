import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error';
import { can } from '@/api/permissions';
import { cloudPlansBillingQuery, cloudPlansHistoryQuery } from '@/api/queries';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { NoAccess } from '@/components/ui/no-access';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useCurrentOrganization } from '@/lib/use-organization';
import { BillingHistory } from './components/billing-history';
import { SubscriptionPanel } from './components/subscription-panel';
import { useHostedPageReturn } from './components/use-hosted-page-return';

const WHO = 'Admins and billing managers of your organization see its Cloud Plans subscription.';

function hasStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

export function Component() {
  const { organizationId, organization, role } = useCurrentOrganization();
  const allowed = role === null || can(role, 'subscription:read');
  const billing = useQuery({ ...cloudPlansBillingQuery(organizationId), enabled: allowed });
  const history = useQuery({ ...cloudPlansHistoryQuery(organizationId), enabled: allowed });
  useHostedPageReturn(organizationId);

  const title = 'Subscription';
  const header = (
    <PageHeader
      title={title}
      description="Cloud Plans: instances billed monthly, the card they are charged to, and every payment."
      documentTitle={organization ? `${title} · ${organization.name}` : title}
    />
  );

  if (!allowed || hasStatus(billing.error, 403)) {
    return (
      <>
        {header}
        <NoAccess area="Subscription details" role={role} who={WHO} organizationName={organization?.name} />
      </>
    );
  }

  const notConfigured = [billing.error, history.error].find((error) => hasStatus(error, 501));
  if (notConfigured) {
    return (
      <>
        {header}
        <Alert tone="info" title="Cloud Plans is not configured">
          {notConfigured.message} Everything else in the console works as usual.
        </Alert>
      </>
    );
  }

  return (
    <>
      {header}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Cloud Plans subscription" className="lg:col-span-2">
          {billing.isPending ? (
            <LoadingBlock label="Loading the subscription" lines={4} />
          ) : billing.isError ? (
            <ErrorState title="Could not load the subscription" error={billing.error} onRetry={() => void billing.refetch()} retrying={billing.isFetching} />
          ) : (
            <SubscriptionPanel organizationId={organizationId} billing={billing.data.response} role={role} />
          )}
        </Card>
        <Card title="Organization">
          {billing.isPending ? (
            <LoadingBlock label="Loading the organization" lines={3} />
          ) : billing.isError ? (
            <p className="text-sm text-ink-muted">Not available.</p>
          ) : (
            <dl className="flex flex-col gap-3">
              <div>
                <dt className="text-sm text-ink-muted">Name</dt>
                <dd className="font-medium text-ink">{billing.data.response.organization.name}</dd>
              </div>
              <div>
                <dt className="text-sm text-ink-muted">Owner</dt>
                <dd className="break-all font-medium text-ink">{billing.data.response.organization.owner}</dd>
              </div>
              <div>
                <dt className="text-sm text-ink-muted">Resources</dt>
                <dd className="tabular font-medium text-ink">{billing.data.response.organization.resources}</dd>
              </div>
            </dl>
          )}
        </Card>
      </div>
      <BillingHistory query={history} organizationName={organization?.name} />
    </>
  );
}
