import { useQuery } from '@tanstack/react-query';
import { mayUse } from '@/api/permissions';
import { billingInfoQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/query-state';
import { useCurrentOrganization } from '@/lib/use-organization';
import { BillingDetailsForm } from './components/billing-details-form';
import { useBillingInfoMessages } from './messages';

export function Component() {
  const t = useBillingInfoMessages();
  const { organizationId, organization, role } = useCurrentOrganization();
  const info = useQuery(billingInfoQuery(organizationId));

  return (
    <>
      <PageHeader title={t.title()} description={t.description()} documentTitle={organization ? t.documentTitle({ organization: organization.name }) : t.title()} />
      <Card>
        <QueryState query={info} loading={t.loading()} lines={6} errorTitle={t.loadError()} inCard>
          {(data) => <BillingDetailsForm key={organizationId} organizationId={organizationId} initial={data} canEdit={mayUse(role, 'billing:write')} />}
        </QueryState>
      </Card>
    </>
  );
}
