import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { cloudPlansBillingQuery, cloudPlansKeys } from '@/api/page-queries';
import { toast } from '@/components/ui/toast';

const PAID = 'Payment received: the subscription is active.';
const NOT_CONFIRMED = 'The payment is not confirmed yet: no active subscription was found. Check this page again in a moment.';

const OUTCOMES: Record<string, { tone: 'success' | 'info'; message: string }> = {
  'checkout=canceled': { tone: 'info', message: 'Checkout canceled: nothing was charged.' },
  'card=updated': { tone: 'success', message: 'Payment method updated.' },
  'card=canceled': { tone: 'info', message: 'The payment method was not changed.' },
};

/**
 * The hosted checkout and update-card pages send the user back with ?checkout=… or ?card=…: say
 * what happened (a payment, once the subscription confirms it), fetch the new state, and drop the
 * parameter so that a reload does not repeat it.
 */
export function useHostedPageReturn(organizationId: string): void {
  const [searchParams, setSearchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const checkout = searchParams.get('checkout');
  const card = searchParams.get('card');

  useEffect(() => {
    if (checkout === null && card === null) return;
    if (checkout === 'success') {
      // Anyone can type ?checkout=success: say the payment went through only once the subscription shows it.
      void queryClient
        .invalidateQueries({ queryKey: cloudPlansKeys.all(organizationId) })
        .then(() => queryClient.fetchQuery(cloudPlansBillingQuery(organizationId)))
        .then(
          (billing) => (billing.response.subscription ? toast.success(PAID) : toast.info(NOT_CONFIRMED)),
          () => toast.info(NOT_CONFIRMED),
        );
    }
    const outcome = OUTCOMES[checkout !== null ? `checkout=${checkout}` : `card=${card ?? ''}`];
    if (outcome) {
      toast[outcome.tone](outcome.message);
      void queryClient.invalidateQueries({ queryKey: cloudPlansKeys.all(organizationId) });
    }
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        next.delete('checkout');
        next.delete('card');
        return next;
      },
      { replace: true },
    );
  }, [checkout, card, organizationId, queryClient, setSearchParams]);
}
