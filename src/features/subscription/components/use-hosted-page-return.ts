import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { cloudPlansBillingQuery, cloudPlansKeys } from '@/api/page-queries';
import { toast } from '@/components/ui/toast';
import { useSubscriptionMessages, type SubscriptionMessages } from '../messages';

const OUTCOMES: Record<string, { tone: 'success' | 'info'; message: keyof SubscriptionMessages }> = {
  'checkout=canceled': { tone: 'info', message: 'checkoutCanceled' },
  'card=updated': { tone: 'success', message: 'cardUpdated' },
  'card=canceled': { tone: 'info', message: 'cardNotChanged' },
};

/**
 * The hosted checkout and update-card pages send the user back with ?checkout=… or ?card=…: say
 * what happened (a payment, once the subscription confirms it), fetch the new state, and drop the
 * parameter so that a reload does not repeat it.
 */
export function useHostedPageReturn(organizationId: string): void {
  const t = useSubscriptionMessages();
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
          (billing) => (billing.response.subscription ? toast.success(t.paymentReceived()) : toast.info(t.paymentNotConfirmed())),
          () => toast.info(t.paymentNotConfirmed()),
        );
    }
    const outcome = OUTCOMES[checkout !== null ? `checkout=${checkout}` : `card=${card ?? ''}`];
    if (outcome) {
      toast[outcome.tone](t[outcome.message]());
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
  }, [checkout, card, organizationId, queryClient, setSearchParams, t]);
}
