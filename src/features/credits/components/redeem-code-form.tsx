import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import { ApiError } from '@/api/api-error';
import { creditCodeRequestSchema, type CreditCodeRequest } from '@/api/credit-code';
import { billingStatusQuery } from '@/api/queries';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FailureMessage, Field, TextInput } from '@/components/ui/field';
import { useRedeemCreditCode } from '../api/use-redeem-credit-code';

interface Redeemed {
  code: string;
  /** The billing status went from invalid to valid with this code. */
  restoredBilling: boolean;
}

export function RedeemCodeForm({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof creditCodeRequestSchema>, unknown, CreditCodeRequest>({
    resolver: zodResolver(creditCodeRequestSchema),
    defaultValues: { code: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, setError, clearErrors, reset, formState } = form;
  const { errors } = formState;
  const mutation = useRedeemCreditCode(organizationId);
  const [redeemed, setRedeemed] = useState<Redeemed | null>(null);

  const redeem = (values: CreditCodeRequest) => {
    setRedeemed(null);
    const statusKey = billingStatusQuery(organizationId).queryKey;
    const wasInvalid = queryClient.getQueryData(statusKey)?.is_valid === false;
    mutation.mutate(values, {
      onSuccess: () => {
        reset({ code: '' });
        setRedeemed({ code: values.code, restoredBilling: wasInvalid && queryClient.getQueryData(statusKey)?.is_valid === true });
      },
      onError: (error) => {
        const codeError = error instanceof ApiError ? error.errors.find((item) => item.field === 'code') : undefined;
        if (codeError) setError('code', { type: 'server', message: codeError.message }, { shouldFocus: true });
        else setError('root.serverError', { type: 'server', message: error.message });
      },
    });
  };

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(redeem)(event)} className="flex flex-col gap-4" aria-label="Redeem a credit code">
      {errors.root?.serverError && (
        <FailureMessage error={mutation.error}>
          The code was not redeemed: {errors.root.serverError.message}
        </FailureMessage>
      )}
      {/* `contents`: the live region is always there to be heard, but adds no gap while empty. */}
      <div aria-live="polite" className="contents">
        {redeemed && (
          <Alert tone="success" title={`Credit code ${redeemed.code} redeemed`}>
            Its credit was added to {organizationName}.{redeemed.restoredBilling ? ' Billing is valid again.' : ''}
          </Alert>
        )}
      </div>
      <Field label="Credit code" hint="As printed on your voucher; upper or lower case both work." error={errors.code?.message} required>
        {(props) => (
          <TextInput
            {...props}
            {...register('code', {
              onChange: () => {
                setRedeemed(null);
                if (errors.root?.serverError) clearErrors('root.serverError');
              },
            })}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={80}
            className="uppercase"
          />
        )}
      </Field>
      <div>
        <Button type="submit" pending={mutation.isPending}>
          {mutation.isPending ? 'Redeeming…' : 'Redeem code'}
        </Button>
      </div>
    </form>
  );
}
