import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreditCodeRequest } from '@/api/credit-code';
import { addCreditCode } from '@/api/credit-code-updates';
import { queryKeys } from '@/api/queries';
import { useActionKey } from '@/lib/use-action-key';

/**
 * Redeems a code, then refreshes what credit changes: the billing status (a trial or free plan is
 * valid while credit is left), the current cost, and the organizations (their deployment restriction).
 * The returned promise resolves once they are fresh, so the page shows the new status with its message.
 */
export function useRedeemCreditCode(organizationId: string) {
  const queryClient = useQueryClient();
  const action = useActionKey();
  return useMutation({
    mutationFn: (body: CreditCodeRequest) => addCreditCode(organizationId, body, action.keyFor(body)),
    onSuccess: () => {
      action.done();
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.billingStatus(organizationId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.currentCost(organizationId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.organizations() }),
      ]);
    },
  });
}
