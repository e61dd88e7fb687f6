import { useQuery } from '@tanstack/react-query';
import { billingStatusQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useCurrentOrganization } from '@/lib/use-organization';
import { BillingStatusSummary } from '@/components/billing-status-summary';
import { RedeemCodeForm } from './components/redeem-code-form';
import { useCreditsMessages } from './messages';

/** Every member may redeem a code (viewers included): credit keeps a trial or a free plan running. */
export function Component() {
  const t = useCreditsMessages();
  const { organizationId, organization } = useCurrentOrganization();
  const status = useQuery(billingStatusQuery(organizationId));
  const organizationName = organization?.name ?? t.thisOrganization();

  return (
    <>
      <PageHeader
        title={t.title()}
        description={t.description({ organization: organizationName })}
        documentTitle={organization ? t.documentTitle({ organization: organization.name }) : t.title()}
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title={t.redeemTitle()}>
          <RedeemCodeForm key={organizationId} organizationId={organizationId} organizationName={organizationName} />
        </Card>
        <Card title={t.billingStatus()}>
          <BillingStatusSummary status={status} />
        </Card>
      </div>
    </>
  );
}
