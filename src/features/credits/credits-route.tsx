import { useQuery } from '@tanstack/react-query';
import { billingStatusQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useCurrentOrganization } from '@/lib/use-organization';
import { BillingStatusSummary } from '@/components/billing-status-summary';
import { RedeemCodeForm } from './components/redeem-code-form';

/** Every member may redeem a code (viewers included): credit keeps a trial or a free plan running. */
export function Component() {
  const { organizationId, organization } = useCurrentOrganization();
  const status = useQuery(billingStatusQuery(organizationId));
  const organizationName = organization?.name ?? 'this organization';
  const title = 'Credit codes';

  return (
    <>
      <PageHeader
        title={title}
        description={`Redeem a promotional or partner code to add credit to ${organizationName}.`}
        documentTitle={organization ? `${title} · ${organization.name}` : title}
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Redeem a code">
          <RedeemCodeForm key={organizationId} organizationId={organizationId} organizationName={organizationName} />
        </Card>
        <Card title="Billing status">
          <BillingStatusSummary status={status} />
        </Card>
      </div>
    </>
  );
}
