import { useQuery } from '@tanstack/react-query';
import { DECLINED_TEST_CARD, formatCardNumber } from '@/api/credit-card';
import { mayUse } from '@/api/permissions';
import { creditCardsQuery, currentCostQuery } from '@/api/queries';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { isForbidden, QueryState } from '@/components/query-state';
import { toast } from '@/components/ui/toast';
import { richText } from '@/lib/rich-text';
import { useSession } from '@/lib/session';
import { useCurrentOrganization } from '@/lib/use-organization';
import { AddCardForm } from './components/add-card-form';
import { CardList } from './components/card-list';
import { cardName } from './components/card-expiry';
import { usePaymentMethodsMessages } from './messages';

export function Component() {
  const t = usePaymentMethodsMessages();
  const { organizationId, organization, role } = useCurrentOrganization();
  const session = useSession();
  const cards = useQuery(creditCardsQuery(organizationId));
  // A backend that does not tell roles answers 403 for the cards: then there is nothing to add either.
  const canEdit = mayUse(role, 'billing:write') && !isForbidden(cards.error);
  // Only for the renewal date ("expires before the next renewal"): the list shows without it.
  const cost = useQuery(currentCostQuery(organizationId));
  const organizationName = organization?.name ?? t.thisOrganization();
  const header = <PageHeader title={t.title()} description={t.description()} documentTitle={organization ? t.documentTitle({ organization: organization.name }) : t.title()} />;

  return (
    <>
      {header}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title={t.cardsOnFile()}>
          <QueryState query={cards} loading={t.loadingCards()} lines={3} errorTitle={t.cardsError()} inCard>
            {(data) => <CardList organizationId={organizationId} organizationName={organizationName} cards={data.results ?? []} cost={cost.data} canEdit={canEdit} />}
          </QueryState>
        </Card>
        {canEdit && (
          <Card title={t.addCard()}>
            <AddCardForm key={organizationId} organizationId={organizationId} onAdded={(card) => toast.success(t.cardAdded({ card: cardName(card, t) }))} />
            {session?.sandbox && (
              <p className="mt-4 border-t border-line pt-3 text-xs text-ink-muted">
                {richText(t.sandboxHint({ declined: formatCardNumber(DECLINED_TEST_CARD) }), {
                  // Card numbers read left to right in every language: in a right-to-left sentence, their groups would swap places.
                  example: (chunk) => <span dir="ltr">{chunk}</span>,
                  declined: (chunk) => (
                    <span dir="ltr" className="tabular whitespace-nowrap">
                      {chunk}
                    </span>
                  ),
                })}
              </p>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
