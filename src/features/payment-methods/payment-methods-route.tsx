import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error';
import { DECLINED_TEST_CARD, formatCardNumber } from '@/api/credit-card';
import { can } from '@/api/permissions';
import { creditCardsQuery, currentCostQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { NoAccess } from '@/components/ui/no-access';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingBlock } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { useSession } from '@/lib/session';
import { useCurrentOrganization } from '@/lib/use-organization';
import { AddCardForm } from './components/add-card-form';
import { CardList } from './components/card-list';
import { cardName } from './components/card-expiry';

const WHO = 'Admins and billing managers of your organization manage its payment methods.';

export function Component() {
  const { organizationId, organization, role } = useCurrentOrganization();
  const session = useSession();
  const allowed = role === null || can(role, 'billing:read');
  const canEdit = role === null || can(role, 'billing:write');
  const cards = useQuery({ ...creditCardsQuery(organizationId), enabled: allowed });
  // Only for the renewal date ("expires before the next renewal"): the list shows without it.
  const cost = useQuery({ ...currentCostQuery(organizationId), enabled: allowed });
  const organizationName = organization?.name ?? 'this organization';
  const title = 'Payment methods';
  const header = (
    <PageHeader title={title} description="The cards that pay this organization’s invoices." documentTitle={organization ? `${title} · ${organization.name}` : title} />
  );

  if (!allowed || (cards.error instanceof ApiError && cards.error.status === 403)) {
    return (
      <>
        {header}
        <NoAccess area="Payment methods" role={role} who={WHO} organizationName={organization?.name} />
      </>
    );
  }

  return (
    <>
      {header}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Cards on file">
          {cards.isPending ? (
            <LoadingBlock label="Loading the cards" lines={3} />
          ) : cards.isError ? (
            <ErrorState title="Could not load the cards" error={cards.error} onRetry={() => void cards.refetch()} retrying={cards.isFetching} />
          ) : (
            <CardList organizationId={organizationId} organizationName={organizationName} cards={cards.data.results ?? []} cost={cost.data} canEdit={canEdit} />
          )}
        </Card>
        {canEdit && (
          <Card title="Add a card">
            <AddCardForm key={organizationId} organizationId={organizationId} onAdded={(card) => toast.success(`${cardName(card)} added`)} />
            {session?.sandbox && (
              <p className="mt-4 border-t border-line pt-3 text-xs text-ink-muted">
                Sandbox: test numbers such as 4242 4242 4242 4242 are accepted with any future expiry;{' '}
                <span className="tabular whitespace-nowrap">{formatCardNumber(DECLINED_TEST_CARD)}</span> is always declined.
              </p>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
