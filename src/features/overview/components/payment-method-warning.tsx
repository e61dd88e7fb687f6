import { useQuery, type QueryClient } from '@tanstack/react-query';
import { can, type Role } from '@/api/permissions';
import { creditCardsQuery, currentCostQuery } from '@/api/queries';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { plural } from '@/lib/format';
import { formatBillingDate } from '@/lib/date-format';

/** Only finance roles may list cards; an unknown role (real backend) tries, and shows nothing on a 403. */
const mayListCards = (role: Role | null) => role === null || can(role, 'billing:read');

/**
 * Warns when a paid plan has no valid card left to pay its next invoice: out of its trial, that
 * invoice is due at renewal; during it, the trial's end is when a card is first needed.
 */
export function PaymentMethodWarning({ organizationId, role }: { organizationId: string; role: Role | null }) {
  const cost = useQuery(currentCostQuery(organizationId));
  const cards = useQuery({ ...creditCardsQuery(organizationId), enabled: mayListCards(role) });
  // The current cost is the plan's price per period.
  const paid = (cost.data?.cost?.total_in_cents ?? 0) > 0;
  if (!paid || !cards.data || (cards.data.results ?? []).some((card) => !card.is_expired)) return null;
  const action = <ButtonLink to="../payment-methods" relative="path" variant="secondary">Add a card</ButtonLink>;
  const trialDays = cost.data?.remaining_trial_day ?? 0;
  if (trialDays > 0) {
    const renewal = cost.data?.renewal_at;
    return (
      <Alert tone="info" title="Add a card before the trial ends" className="mb-6" action={action}>
        The trial ends in {plural(trialDays, 'day', 'days')}{renewal ? `, on ${formatBillingDate(renewal, 'long')}` : ''}. From then on the plan is charged at each renewal, and no card is on file yet.
      </Alert>
    );
  }
  return (
    <Alert tone="warning" title="No valid payment method" className="mb-6" action={action}>
      The plan is charged at each renewal, and no card on file is valid.
    </Alert>
  );
}

/** Called by the overview loader so that this banner's data loads with the rest of the page. */
export function prefetchPaymentMethodWarning(queryClient: QueryClient, organizationId: string, role: Role | null): void {
  if (mayListCards(role)) void queryClient.prefetchQuery(creditCardsQuery(organizationId));
}
