import { useQuery } from '@tanstack/react-query';
import { mayUse } from '@/api/permissions';
import { billingInfoQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/query-state';
import { useCurrentOrganization } from '@/lib/use-organization';
import { BillingDetailsForm } from './components/billing-details-form';

export function Component() {
  const { organizationId, organization, role } = useCurrentOrganization();
  const info = useQuery(billingInfoQuery(organizationId));
  const title = 'Billing details';

  return (
    <>
      <PageHeader
        title={title}
        description="Who is billed, where, and the email that receives invoices."
        documentTitle={organization ? `${title} · ${organization.name}` : title}
      />
      <Card>
        <QueryState query={info} loading="Loading the billing details" lines={6} errorTitle="Could not load the billing details" inCard>
          {(data) => <BillingDetailsForm key={organizationId} organizationId={organizationId} initial={data} canEdit={mayUse(role, 'billing:write')} />}
        </QueryState>
      </Card>
    </>
  );
}
