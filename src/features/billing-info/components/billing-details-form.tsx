import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useBlocker } from 'react-router';
import { billingInfoRequestSchema, type BillingInfoFormValues, type BillingInfoRequest } from '@/api/billing-info';
import type { BillingInfo } from '@/api/contract';
import { US_STATES } from '@/api/countries';
import { hasVatFormat } from '@/api/tax-ids';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/ui/combobox';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage, Field, SelectInput, TextInput } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { showServerFieldErrors } from '@/lib/server-field-errors';
import { useEditBillingInfo } from '../api/use-edit-billing-info';
import { useBillingInfoMessages } from '../messages';
import { countryOptions } from './country-options';
import { useFieldErrorText } from '@/components/ui/field-error-text';

/** The form's fields, top to bottom (a US address reads City, State, ZIP code). */
const FIELDS = ['first_name', 'last_name', 'email', 'company', 'vat_number', 'country_code', 'address', 'city', 'state', 'zip'] as const;

/** Complete defaults: every field a string, null fields from the server become empty. */
export function toFormValues(info: BillingInfo): BillingInfoFormValues {
  return {
    first_name: info.first_name ?? '',
    last_name: info.last_name ?? '',
    email: info.email ?? '',
    address: info.address ?? '',
    city: info.city ?? '',
    zip: info.zip ?? '',
    state: info.state ?? '',
    country_code: info.country_code ?? '',
    company: info.company ?? '',
    vat_number: info.vat_number ?? '',
  };
}

export function BillingDetailsForm({ organizationId, initial, canEdit }: { organizationId: string; initial: BillingInfo; canEdit: boolean }) {
  const t = useBillingInfoMessages();
  const errorText = useFieldErrorText();
  const form = useForm<BillingInfoFormValues, unknown, BillingInfoRequest>({
    resolver: zodResolver(billingInfoRequestSchema),
    defaultValues: toFormValues(initial),
    // Errors first show on submit, then follow each keystroke. Validating on blur would insert an
    // error under the field during the click on Save, move the button, and swallow the click.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, control, handleSubmit, setError, reset, setValue, getValues, formState } = form;
  const { errors, isDirty } = formState;
  const mutation = useEditBillingInfo(organizationId);
  const country = useWatch({ control, name: 'country_code' });

  useEffect(() => {
    if (country !== 'US' && getValues('state')) setValue('state', '', { shouldDirty: true });
  }, [country, getValues, setValue]);

  // Text left in the country field that names no country: the field keeps its choice and says so.
  const [unmatchedCountry, setUnmatchedCountry] = useState<string | null>(null);
  // Discard disables itself: the focus goes back to the form rather than to the page's start, once the
  // reset fields are registered again.
  const [discarded, setDiscarded] = useState(0);
  useEffect(() => {
    if (discarded > 0) form.setFocus('first_name');
  }, [discarded, form]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => isDirty && !mutation.isPending && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const onSubmit = handleSubmit((values) => {
    mutation.mutate(values, {
      onSuccess: (saved) => {
        reset(toFormValues(saved));
        setUnmatchedCountry(null);
        toast.success(t.saved());
      },
      onError: (error) => {
        if (!showServerFieldErrors(error, FIELDS, setError)) setError('root.serverError', { type: 'server', message: error.message });
      },
    });
  });

  const disabled = !canEdit;
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-6" aria-label={t.title()}>
      {errors.root?.serverError && <FailureMessage error={mutation.error}>{t.notSaved({ message: errorText(errors.root.serverError.message ?? '') })}</FailureMessage>}
      <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">{t.contact()}</legend>
        <Field label={t.firstName()} error={errors.first_name?.message} required>
          {(props) => <TextInput {...props} {...register('first_name')} autoComplete="given-name" />}
        </Field>
        <Field label={t.lastName()} error={errors.last_name?.message} required>
          {(props) => <TextInput {...props} {...register('last_name')} autoComplete="family-name" />}
        </Field>
        <Field label={t.billingEmail()} hint={t.billingEmailHint()} error={errors.email?.message} required className="sm:col-span-2">
          {(props) => <TextInput {...props} {...register('email')} type="email" autoComplete="email" />}
        </Field>
      </fieldset>

      <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">{t.company()}</legend>
        <Field label={t.companyName()} hint={t.companyHint()} error={errors.company?.message}>
          {(props) => <TextInput {...props} {...register('company')} autoComplete="organization" />}
        </Field>
        <Field label={t.vatNumber()} hint={country && hasVatFormat(country) ? t.vatNumberFormatHint() : t.vatNumberHint()} error={errors.vat_number?.message}>
          {(props) => <TextInput {...props} {...register('vat_number')} autoCapitalize="characters" spellCheck={false} />}
        </Field>
      </fieldset>

      <fieldset disabled={disabled} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-ink">{t.addressGroup()}</legend>
        <Field
          label={t.country()}
          hint={
            // A live region from the start, so that what the field kept is read out when it says so.
            <span role="status">
              {unmatchedCountry === null
                ? t.countryHint()
                : t.countryNotInList({ text: unmatchedCountry, country: countryOptions().find((option) => option.value === country)?.label ?? country })}
            </span>
          }
          error={errors.country_code?.message}
          required
          className="sm:col-span-2"
        >
          {(props) => (
            <Controller
              control={control}
              name="country_code"
              render={({ field }) => (
                <Combobox
                  controlProps={props}
                  name={field.name}
                  options={countryOptions()}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  onUnmatched={setUnmatchedCountry}
                  placeholder={t.countryPlaceholder()}
                />
              )}
            />
          )}
        </Field>
        <Field label={t.address()} error={errors.address?.message} required className="sm:col-span-2">
          {(props) => <TextInput {...props} {...register('address')} autoComplete="street-address" />}
        </Field>
        <Field label={t.city()} error={errors.city?.message} required>
          {(props) => <TextInput {...props} {...register('city')} autoComplete="address-level2" />}
        </Field>
        {country === 'US' && (
          <Field label={t.state()} error={errors.state?.message} required>
            {(props) => (
              <SelectInput {...props} {...register('state')} autoComplete="address-level1">
                <option value="">{t.chooseState()}</option>
                {US_STATES.map(([code, name]) => (
                  <option key={code} value={name}>
                    {name}
                  </option>
                ))}
              </SelectInput>
            )}
          </Field>
        )}
        <Field label={t.postalCode()} error={errors.zip?.message} required>
          {(props) => <TextInput {...props} {...register('zip')} autoComplete="postal-code" />}
        </Field>
      </fieldset>

      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={mutation.isPending}>
            {mutation.isPending ? t.saving() : t.save()}
          </Button>
          <Button
            variant="secondary"
            disabled={!isDirty || mutation.isPending}
            onClick={() => {
              reset();
              setUnmatchedCountry(null);
              setDiscarded((count) => count + 1);
            }}
          >
            {t.discard()}
          </Button>
          {isDirty && <p className="text-sm text-ink-muted">{t.unsaved()}</p>}
        </div>
      ) : (
        <p className="text-sm text-ink-muted">{t.readOnly()}</p>
      )}

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title={t.leaveTitle()}
        description={t.leaveDescription()}
        confirmLabel={t.leave()}
        cancelLabel={t.stay()}
        tone="danger"
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      />
    </form>
  );
}
