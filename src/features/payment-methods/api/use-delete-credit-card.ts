import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error';
import { deleteCreditCard } from '@/api/contract-updates';
import { creditCardsQuery, queryKeys } from '@/api/queries';

/** Removes a card; the list drops it at once, then refreshes from the server. */
export function useDeleteCreditCard(organizationId: string) {
  const queryClient = useQueryClient();
  const removeFromList = (creditCardId: string) =>
    queryClient.setQueryData(creditCardsQuery(organizationId).queryKey, (list) => (list ? { results: (list.results ?? []).filter((card) => card.id !== creditCardId) } : list));
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.creditCards(organizationId) }), queryClient.invalidateQueries({ queryKey: queryKeys.organizations() })]);
  return useMutation({
    mutationFn: (creditCardId: string) => deleteCreditCard(organizationId, creditCardId),
    onSuccess: (_data, creditCardId) => {
      removeFromList(creditCardId);
      return refresh();
    },
    onError: (error, creditCardId) => {
      // Removed meanwhile (another tab, another admin): the list is what is stale.
      if (error instanceof ApiError && error.status === 404) {
        removeFromList(creditCardId);
        return refresh();
      }
      return undefined;
    },
  });
}
