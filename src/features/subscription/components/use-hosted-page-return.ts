import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { queryKeys } from '@/api/queries';
import { toast } from '@/components/ui/toast';

const OUTCOMES: Record<string, { tone: 'success' | 'info'; message: string }> = {
  'checkout=success': { tone: 'success', message: 'Payment received: the subscription is active.' },
  'checkout=canceled': { tone: 'info', message: 'Checkout canceled: nothing was charged.' },
  'card=updated': { tone: 'success', message: 'Payment method updated.' },
  'card=canceled': { tone: 'info', message: 'The payment method was not changed.' },
};

/**
 * The hosted checkout and update-card pages send the user back with ?checkout=… or ?card=…: say
 * what happened, fetch the new state, and drop the parameter so that a reload does not repeat it.
 */
export function useHostedPageReturn(organizationId: string): void {
  const [searchParams, setSearchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const checkout = searchParams.get('checkout');
  const card = searchParams.get('card');

  useEffect(() => {
    if (checkout === null && card === null) return;
    const outcome = OUTCOMES[checkout !== null ? `checkout=${checkout}` : `card=${card ?? ''}`];
    if (outcome) {
      toast[outcome.tone](outcome.message);
      void queryClient.invalidateQueries({ queryKey: queryKeys.cloudPlans(organizationId) });
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
