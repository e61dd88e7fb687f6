import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, type ChangeEvent } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { CreditCard } from '@/api/contract';
import { cardDigits, detectBrand, formatCardNumber, MAX_CARD_YEARS_AHEAD, type CreditCardRequest } from '@/api/credit-card';
import { Button } from '@/components/ui/button';
import { FailureMessage, Field, SelectInput, TextInput } from '@/components/ui/field';
import { showServerFieldErrors } from '@/lib/server-field-errors';
import { newIdempotencyKey } from '@/api/idempotency';
import { cardFormSchema, EMPTY_CARD_FORM, useAddCreditCard, type CardFormValues } from '../api/use-add-credit-card';
import { usePaymentMethodsMessages } from '../messages';
import { useFieldErrorText } from '@/components/ui/field-error-text';

/** The form's fields, top to bottom. */
const FIELDS = ['number', 'expiry_month', 'expiry_year', 'cvv'] as const;

const MONTHS = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, '0'));

/** Position in `formatted` just after its `digitCount`-th digit. */
function caretAfterDigits(formatted: string, digitCount: number): number {
  if (digitCount === 0) return 0;
  let seen = 0;
  for (let index = 0; index < formatted.length; index += 1) {
    if (/\d/.test(formatted.charAt(index))) seen += 1;
    if (seen === digitCount) return index + 1;
  }
  return formatted.length;
}

/**
 * Groups the digits as they are typed ("4242 4242 …", "3782 822463 10005") and keeps the caret
 * after the same digit, so that editing in the middle works. Deleting a group's space deletes the
 * digit before it, as people expect from Backspace.
 */
function formatAsTyped(event: ChangeEvent<HTMLInputElement>, previous: string): string {
  const input = event.target;
  let raw = input.value;
  let caret = input.selectionStart ?? raw.length;
  const deletingBackward = event.nativeEvent instanceof InputEvent && event.nativeEvent.inputType === 'deleteContentBackward';
  if (deletingBackward && cardDigits(raw) === cardDigits(previous) && caret > 0) {
    raw = raw.slice(0, caret - 1) + raw.slice(caret);
    caret -= 1;
  }
  const digitsBefore = raw.slice(0, caret).replace(/\D/g, '').length;
  const formatted = formatCardNumber(raw);
  // Writing the DOM value first lets React see no change and leave the caret where it is set here.
  input.value = formatted;
  const position = caretAfterDigits(formatted, digitsBefore);
  if (document.activeElement === input) input.setSelectionRange(position, position);
  return formatted;
}

/**
 * Adds a card. The number and security code stay in this form's state only: they are read when the
 * request starts (not passed as mutation variables), and cleared once the card is added.
 * One Idempotency-Key per set of values: a retry of the same card, or a double submit, reuses it,
 * so the server adds one card; any edit starts a new attempt with a new key.
 */
export function AddCardForm({ organizationId, onAdded }: { organizationId: string; onAdded: (card: CreditCard) => void }) {
  const t = usePaymentMethodsMessages();
  const errorText = useFieldErrorText();
  const form = useForm<CardFormValues, unknown, CreditCardRequest>({
    resolver: zodResolver(cardFormSchema),
    defaultValues: EMPTY_CARD_FORM,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, control, handleSubmit, setError, clearErrors, reset, getValues, formState } = form;
  const { errors } = formState;
  const idempotencyKey = useRef<string | null>(null);
  const inFlight = useRef(false);

  const mutation = useAddCreditCard(organizationId, () => {
    const parsed = cardFormSchema.safeParse(getValues());
    if (!parsed.success) throw new Error(t.changedWhileSending());
    return parsed.data;
  });

  // Any edit is a new attempt: a new key, and the last refusal (about other details) goes away.
  const startNewAttempt = () => {
    idempotencyKey.current = null;
    if (formState.errors.root?.serverError) clearErrors('root.serverError');
  };

  const number = useWatch({ control, name: 'number' });
  const brand = detectBrand(cardDigits(number));
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: MAX_CARD_YEARS_AHEAD + 1 }, (_, index) => String(thisYear + index));

  const submitCard = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    idempotencyKey.current ??= newIdempotencyKey();
    mutation.mutate(idempotencyKey.current, {
      onSuccess: (card) => {
        reset(EMPTY_CARD_FORM);
        idempotencyKey.current = null;
        onAdded(card);
      },
      onError: (error) => {
        if (!showServerFieldErrors(error, FIELDS, setError)) setError('root.serverError', { type: 'server', message: error.message });
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(submitCard)(event)} className="flex flex-col gap-4" aria-label={t.addCard()}>
      {errors.root?.serverError && <FailureMessage error={mutation.error}>{t.notAdded({ message: errorText(errors.root.serverError.message ?? '') })}</FailureMessage>}
      <Field label={t.cardNumber()} hint={t.cardNumberHint()} error={errors.number?.message} required>
        {(props) => (
          <Controller
            control={control}
            name="number"
            render={({ field }) => (
              // Card numbers read left to right in every language: in a right-to-left field, the digit groups would swap places.
              <div className="relative" dir="ltr">
                <TextInput
                  {...props}
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(event) => {
                    startNewAttempt();
                    field.onChange(formatAsTyped(event, field.value));
                  }}
                  type="text"
                  inputMode="numeric"
                  autoComplete="cc-number"
                  autoCorrect="off"
                  spellCheck={false}
                  maxLength={23}
                  placeholder="1234 1234 1234 1234"
                  className="tabular sm:pe-36"
                />
                {/* Inside the field from sm up; under it on a phone, where it would hide the last digits. */}
                <span
                  aria-live="polite"
                  className="mt-1 block min-h-4 text-xs font-semibold text-ink-muted sm:pointer-events-none sm:absolute sm:inset-y-0 sm:end-3 sm:mt-0 sm:flex sm:min-h-0 sm:items-center"
                >
                  {brand ? brand.label : ''}
                </span>
              </div>
            )}
          />
        )}
      </Field>

      <fieldset className="grid grid-cols-2 items-start gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-medium text-ink">{t.expiryAndCode()}</legend>
        <Field label={t.month()} error={errors.expiry_month?.message} required>
          {(props) => (
            <SelectInput {...props} {...register('expiry_month', { onChange: startNewAttempt })} autoComplete="cc-exp-month">
              <option value="">{t.monthPlaceholder()}</option>
              {MONTHS.map((month) => (
                <option key={month} value={String(Number(month))}>
                  {month}
                </option>
              ))}
            </SelectInput>
          )}
        </Field>
        <Field label={t.year()} error={errors.expiry_year?.message} required>
          {(props) => (
            <SelectInput {...props} {...register('expiry_year', { onChange: startNewAttempt })} autoComplete="cc-exp-year">
              <option value="">{t.yearPlaceholder()}</option>
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </SelectInput>
          )}
        </Field>
        <Field label={t.cvc()} hint={brand?.id === 'AMEX' ? t.cvcHintAmex() : t.cvcHint()} error={errors.cvv?.message} required className="col-span-2 sm:col-span-1">
          {(props) => (
            <TextInput
              {...props}
              {...register('cvv', { onChange: startNewAttempt })}
              type="text"
              inputMode="numeric"
              autoComplete="cc-csc"
              autoCorrect="off"
              spellCheck={false}
              maxLength={4}
              placeholder={brand?.id === 'AMEX' ? '1234' : '123'}
              className="tabular"
            />
          )}
        </Field>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={mutation.isPending}>
          {mutation.isPending ? t.adding() : t.addCardButton()}
        </Button>
        <p className="text-xs text-ink-muted">{t.keptData()}</p>
      </div>
    </form>
  );
}
