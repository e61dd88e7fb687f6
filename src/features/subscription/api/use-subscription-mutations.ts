import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  cancelCloudPlansSubscription,
  getCloudPlansPaymentLink,
  getCloudPlansUpdateCardLink,
  updateCloudPlansSubscription,
} from '@/api/cloud-plans-updates';
import { queryKeys } from '@/api/queries';

/** The hosted checkout's link for `quantity` instances; nothing changes until it is paid. */
export function usePaymentLink(organizationId: string) {
  return useMutation({
    mutationFn: async (quantity: number) => (await getCloudPlansPaymentLink(organizationId, quantity)).response,
  });
}

/** The hosted update-card page's link. */
export function useUpdateCardLink(organizationId: string) {
  return useMutation({
    mutationFn: async () => (await getCloudPlansUpdateCardLink(organizationId)).response,
  });
}

export function useUpdateSubscription(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quantity: number) => updateCloudPlansSubscription(organizationId, quantity),
    // A raise adds a payment to the history: both reads are refreshed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.cloudPlans(organizationId) }),
  });
}

export function useCancelSubscription(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => cancelCloudPlansSubscription(organizationId, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.cloudPlans(organizationId) }),
  });
}
