import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Plan } from '@/api/contract';
import { changePlan } from '@/api/contract-updates';
import { queryKeys } from '@/api/queries';
import { useActionKey } from '@/lib/use-action-key';

/**
 * Changes the plan, then refreshes everything that shows it or depends on it: the organization
 * (list and item), the current cost, and the billing status (a $0 plan is valid only with credit).
 * The mutation stays pending until they have refreshed, so the page never shows the old plan as current.
 */
export function useChangePlan(organizationId: string) {
  const queryClient = useQueryClient();
  const action = useActionKey();
  return useMutation({
    mutationFn: (plan: Plan) => changePlan(organizationId, { plan }, action.keyFor(plan)),
    onSuccess: () => {
      action.done();
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.organizations() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.organization(organizationId), exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.currentCost(organizationId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.billingStatus(organizationId) }),
      ]);
    },
  });
}
