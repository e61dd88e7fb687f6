import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BillingInfoRequest } from '@/api/billing-info';
import { editOrganizationBillingInfo } from '@/api/contract-updates';
import { queryKeys } from '@/api/queries';

export function useEditBillingInfo(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: BillingInfoRequest) => editOrganizationBillingInfo(organizationId, values),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.billingInfo(organizationId), saved);
      return queryClient.invalidateQueries({ queryKey: queryKeys.billingInfo(organizationId) });
    },
  });
}
