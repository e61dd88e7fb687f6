import { useQuery } from '@tanstack/react-query';
import { DECLINED_TEST_CARD, formatCardNumber } from '@/api/credit-card';
import { mayUse } from '@/api/permissions';
import { creditCardsQuery, currentCostQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { isForbidden, QueryState } from '@/components/query-state';
import { toast } from '@/components/ui/toast';
import { useSession } from '@/lib/session';
import { useCurrentOrganization } from '@/lib/use-organization';
import { AddCardForm } from './components/add-card-form';
import { CardList } from './components/card-list';
import { cardName } from './components/card-expiry';

export function Component() {
  const { organizationId, organization, role } = useCurrentOrganization();
  const session = useSession();
  const cards = useQuery(creditCardsQuery(organizationId));
  // A backend that does not tell roles answers 403 for the cards: then there is nothing to add either.
  const canEdit = mayUse(role, 'billing:write') && !isForbidden(cards.error);
  // Only for the renewal date ("expires before the next renewal"): the list shows without it.
  const cost = useQuery(currentCostQuery(organizationId));
  const organizationName = organization?.name ?? 'this organization';
  const title = 'Payment methods';
  const header = (
    <PageHeader title={title} description="The cards that pay this organization’s invoices." documentTitle={organization ? `${title} · ${organization.name}` : title} />
  );

  return (
    <>
      {header}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Cards on file">
          <QueryState query={cards} loading="Loading the cards" lines={3} errorTitle="Could not load the cards" inCard>
            {(data) => <CardList organizationId={organizationId} organizationName={organizationName} cards={data.results ?? []} cost={cost.data} canEdit={canEdit} />}
          </QueryState>
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
