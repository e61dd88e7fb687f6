import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { creditCardRequestSchema, type CreditCardRequest } from '@/api/credit-card';
import { addCreditCard } from '@/api/contract-updates';
import { creditCardsQuery, queryKeys } from '@/api/queries';

/**
 * The add-a-card form: every control holds a string (the selects too), converted to the contract's
 * types and then checked by the shared creditCardRequestSchema, so the rules stay the server's.
 * An unchosen month or year becomes NaN, which the shared schema refuses with "Choose the expiry …".
 */
export const cardFormSchema = z.pipe(
  z.pipe(
    z.object({ number: z.string(), expiry_month: z.string(), expiry_year: z.string(), cvv: z.string() }),
    z.transform((form) => ({
      number: form.number,
      cvv: form.cvv,
      expiry_month: form.expiry_month === '' ? Number.NaN : Number(form.expiry_month),
      expiry_year: form.expiry_year === '' ? Number.NaN : Number(form.expiry_year),
    })),
  ),
  creditCardRequestSchema,
);
export type CardFormValues = z.input<typeof cardFormSchema>;

export const EMPTY_CARD_FORM: CardFormValues = { number: '', expiry_month: '', expiry_year: '', cvv: '' };

/**
 * Adds a card. The mutation's variables are only the Idempotency-Key: the card itself is read from
 * the form by `readCard` when the request starts, so that the number and the security code never
 * enter TanStack Query's MutationCache (which keeps every mutation's variables).
 */
export function useAddCreditCard(organizationId: string, readCard: () => CreditCardRequest) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => addCreditCard(organizationId, readCard(), idempotencyKey),
    onSuccess: (card) => {
      // A replayed key answers with the card already added: add it to the list only once.
      queryClient.setQueryData(creditCardsQuery(organizationId).queryKey, (list) =>
        list ? { results: [...(list.results ?? []).filter((existing) => existing.id !== card.id), card] } : list,
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.creditCards(organizationId) }),
        // The organization's billing_deployment_restriction depends on having a valid card.
        queryClient.invalidateQueries({ queryKey: queryKeys.organizations() }),
      ]);
    },
  });
}
