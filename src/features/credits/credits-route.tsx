import { useQuery } from '@tanstack/react-query';
import { billingStatusQuery } from '@/api/queries';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useCurrentOrganization } from '@/lib/use-organization';
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
          {status.isPending ? (
            <LoadingBlock label="Loading the billing status" />
          ) : status.isError ? (
            <ErrorState title="Could not load the billing status" error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />
          ) : (
            <>
              <Badge tone={status.data.is_valid === false ? 'danger' : 'success'}>{status.data.is_valid === false ? 'Invalid' : 'Valid'}</Badge>
              {status.data.message && <p className="mt-2 text-sm text-ink-muted">{status.data.message}</p>}
            </>
          )}
        </Card>
      </div>
    </>
  );
}
