import { PageHeader } from '@/components/ui/page-header';
import { useCurrentOrganization } from '@/lib/use-organization';
import { ClusterCosts } from './components/cluster-costs';
import { CurrentCostCard } from './components/current-cost-card';

export function Component() {
  const { organizationId, organization } = useCurrentOrganization();
  const title = 'Costs';
  return (
    <>
      <PageHeader
        title={title}
        description={organization ? `What ${organization.name} pays for its plan and what its clusters cost to run` : undefined}
        documentTitle={organization ? `${title} · ${organization.name}` : title}
      />
      <div className="flex flex-col gap-6">
        <CurrentCostCard organizationId={organizationId} />
        <ClusterCosts organizationId={organizationId} />
      </div>
    </>
  );
}

// Its loader, which the router takes from this module (src/app/router.tsx): the costs page's reads are its own.
export { costsLoader } from './loader';
