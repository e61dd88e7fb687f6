import { PageHeader } from '@/components/ui/page-header';
import { useCurrentOrganization } from '@/lib/use-organization';
import { ClusterCosts } from './components/cluster-costs';
import { CurrentCostCard } from './components/current-cost-card';
import { useCostsMessages } from './messages';

export function Component() {
  const t = useCostsMessages();
  const { organizationId, organization } = useCurrentOrganization();
  const title = t.title();
  return (
    <>
      <PageHeader
        title={title}
        description={organization ? t.description({ organization: organization.name }) : undefined}
        documentTitle={organization ? t.documentTitle({ organization: organization.name }) : title}
      />
      <div className="flex flex-col gap-6">
        <CurrentCostCard organizationId={organizationId} />
        <ClusterCosts organizationId={organizationId} />
      </div>
    </>
  );
}
