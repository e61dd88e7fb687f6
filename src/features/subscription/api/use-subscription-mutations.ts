import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cancelCloudPlansSubscription, getCloudPlansPaymentLink, getCloudPlansUpdateCardLink, updateCloudPlansSubscription } from '@/api/cloud-plans-updates';
import { cloudPlansKeys } from '@/api/page-queries';
import { useActionKey } from '@/lib/use-action-key';

/** The hosted checkout's link for `quantity` instances; nothing changes until it is paid. */
export function usePaymentLink(organizationId: string) {
  const action = useActionKey();
  return useMutation({
    mutationFn: async (quantity: number) => (await getCloudPlansPaymentLink(organizationId, quantity, action.keyFor(quantity))).response,
    onSuccess: () => action.done(),
  });
}

/** The hosted update-card page's link. */
export function useUpdateCardLink(organizationId: string) {
  const action = useActionKey();
  return useMutation({
    mutationFn: async () => (await getCloudPlansUpdateCardLink(organizationId, action.keyFor(organizationId))).response,
    onSuccess: () => action.done(),
  });
}

export function useUpdateSubscription(organizationId: string) {
  const queryClient = useQueryClient();
  const action = useActionKey();
  return useMutation({
    mutationFn: (quantity: number) => updateCloudPlansSubscription(organizationId, quantity, action.keyFor(quantity)),
    // A raise adds a payment to the history: both reads are refreshed.
    onSuccess: () => {
      action.done();
      return queryClient.invalidateQueries({ queryKey: cloudPlansKeys.all(organizationId) });
    },
  });
}

export function useCancelSubscription(organizationId: string) {
  const queryClient = useQueryClient();
  const action = useActionKey();
  return useMutation({
    mutationFn: (reason: string) => cancelCloudPlansSubscription(organizationId, reason, action.keyFor(reason)),
    onSuccess: () => {
      action.done();
      return queryClient.invalidateQueries({ queryKey: cloudPlansKeys.all(organizationId) });
    },
  });
}
