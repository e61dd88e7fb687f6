import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error';
import { can } from '@/api/permissions';
import { billingInfoQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { NoAccess } from '@/components/ui/no-access';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useCurrentOrganization } from '@/lib/use-organization';
import { BillingDetailsForm } from './components/billing-details-form';

const WHO = 'Admins and billing managers of your organization manage its billing details.';

export function Component() {
  const { organizationId, organization, role } = useCurrentOrganization();
  const allowed = role === null || can(role, 'billing:read');
  const info = useQuery({ ...billingInfoQuery(organizationId), enabled: allowed });
  const title = 'Billing details';
  const header = <PageHeader title={title} description="Who is billed, where, and the email that receives invoices." documentTitle={organization ? `${title} · ${organization.name}` : title} />;

  if (!allowed || (info.error instanceof ApiError && info.error.status === 403)) {
    return (
      <>
        {header}
        <NoAccess area="Billing details" role={role} who={WHO} organizationName={organization?.name} />
      </>
    );
  }

  return (
    <>
      {header}
      <Card>
        {info.isPending ? (
          <LoadingBlock label="Loading the billing details" lines={6} />
        ) : info.isError ? (
          <ErrorState title="Could not load the billing details" error={info.error} onRetry={() => void info.refetch()} retrying={info.isFetching} />
        ) : (
          <BillingDetailsForm key={organizationId} organizationId={organizationId} initial={info.data} canEdit={role === null || can(role, 'billing:write')} />
        )}
      </Card>
    </>
  );
}
