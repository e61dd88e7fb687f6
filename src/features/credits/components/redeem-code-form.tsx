import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import { ApiError } from '@/api/api-error';
import { creditCodeRequestSchema, type CreditCodeAnswer, type CreditCodeRequest } from '@/api/credit-code';
import { billingStatusQuery } from '@/api/queries';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FailureMessage, Field, TextInput } from '@/components/ui/field';
import { formatMinor } from '@/lib/money';
import { useRedeemCreditCode } from '../api/use-redeem-credit-code';
import { useCreditsMessages } from '../messages';
import { useFieldErrorText } from '@/components/ui/field-error-text';
import { fileFieldError } from '@/api/field-messages';

interface Redeemed {
  code: string;
  /** What the backend says was credited; null when it does not say (the contract declares no answer). */
  answer: CreditCodeAnswer | null;
  /** The billing status went from invalid to valid with this code. */
  madeBillingValid: boolean;
}

export function RedeemCodeForm({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const t = useCreditsMessages();
  const errorText = useFieldErrorText();
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof creditCodeRequestSchema>, unknown, CreditCodeRequest>({
    resolver: zodResolver(creditCodeRequestSchema),
    defaultValues: { code: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, setError, clearErrors, reset, getValues, formState } = form;
  const { errors } = formState;
  const mutation = useRedeemCreditCode(organizationId);
  const [redeemed, setRedeemed] = useState<Redeemed | null>(null);

  // Two Enters in a row can both pass validation before the button shows it is busy: one request only.
  const inFlight = useRef(false);
  // Read at once by a submit that follows the success before React re-renders (a double Enter).
  const justRedeemed = useRef(false);

  const redeem = (values: CreditCodeRequest) => {
    if (inFlight.current) return;
    inFlight.current = true;
    justRedeemed.current = false;
    setRedeemed(null);
    const statusKey = billingStatusQuery(organizationId).queryKey;
    const wasInvalid = queryClient.getQueryData(statusKey)?.is_valid === false;
    mutation.mutate(values, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: (answer) => {
        justRedeemed.current = true;
        reset({ code: '' });
        setRedeemed({ code: values.code, answer, madeBillingValid: wasInvalid && queryClient.getQueryData(statusKey)?.is_valid === true });
      },
      onError: (error) => {
        const codeError = error instanceof ApiError ? error.errors.find((item) => item.field === 'code') : undefined;
        if (codeError) fileFieldError(codeError); // said in the active language by the field (field-error-text.ts)
        if (codeError) setError('code', { type: 'server', message: codeError.message }, { shouldFocus: true });
        else setError('root.serverError', { type: 'server', message: error.message });
      },
    });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Enter pressed again after a success lands on the emptied field: the code is in, there is nothing to flag.
    if (justRedeemed.current && getValues('code').trim() === '') {
      event.preventDefault();
      return;
    }
    void handleSubmit(redeem)(event);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t.formLabel()}>
      {errors.root?.serverError && <FailureMessage error={mutation.error}>{t.notRedeemed({ message: errorText(errors.root.serverError.message ?? '') })}</FailureMessage>}
      {/* `contents`: the live region is always there to be heard, but adds no gap while empty. */}
      <div aria-live="polite" className="contents">
        {redeemed && (
          <Alert tone="success" title={t.redeemed({ code: redeemed.code })}>
            {redeemed.answer
              ? t.creditAdded({
                  amount: formatMinor(redeemed.answer.amount_in_cents, redeemed.answer.currency_code),
                  organization: organizationName,
                  nowValid: redeemed.madeBillingValid ? 'yes' : 'no',
                })
              : t.someCreditAdded({ organization: organizationName, nowValid: redeemed.madeBillingValid ? 'yes' : 'no' })}
          </Alert>
        )}
      </div>
      <Field label={t.creditCode()} hint={t.creditCodeHint()} error={errors.code?.message} required>
        {(props) => (
          <TextInput
            {...props}
            {...register('code', {
              onChange: () => {
                justRedeemed.current = false;
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
          {mutation.isPending ? t.redeeming() : t.redeem()}
        </Button>
      </div>
    </form>
  );
}
