import * as z from 'zod/mini';
import { isCountryCode, normalizeUsState } from './countries';
import { coded } from './field-messages';
import { normalizeVatNumber, vatNumberError, zipError } from './tax-ids';

const englishRegionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

export function countryName(code: string): string {
  return englishRegionNames.of(code) ?? code;
}

// With the u flag a lone UTF-16 surrogate is its own code point (category Cs), a valid pair is not.
const CONTROL_CHARACTER = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;
// Format characters (category Cf) do not show: bidirectional overrides, isolates and marks reorder
// what is printed after them ("Acme \u202Eexe.pdf" reads "Acme fdp.exe"); zero-width characters, the
// word joiner, the byte order mark and the soft hyphen make two names that look alike differ. Line
// and paragraph separators (U+2028, U+2029) break lines as \n would. All would end up on an invoice.
const INVISIBLE_OR_DIRECTIONAL = /[\p{Cf}\u2028\u2029]/u;

/**
 * Printed on invoices and PDFs: refuses characters that no one types in a form (NUL, line breaks,
 * other C0/C1 controls), invisible and text-direction characters, and text that is not valid Unicode.
 */
function plainText(field: string, label: string) {
  return [
    z.refine<string>((value) => !CONTROL_CHARACTER.test(value), coded(`${field}.control_characters`, `${label} must not contain control characters, such as line breaks or NUL`)),
    z.refine<string>((value) => !LONE_SURROGATE.test(value), coded(`${field}.invalid_character`, `${label} contains an invalid character (a broken emoji or symbol)`)),
    z.refine<string>(
      (value) => !INVISIBLE_OR_DIRECTIONAL.test(value),
      coded(`${field}.invisible_characters`, `${label} must not contain invisible or text-direction characters (zero-width spaces, direction overrides, line separators)`),
    ),
  ] as const;
}

/** `field` is the request's field name, which its error codes start with (`first_name.required`); `label` names it in English. */
function requiredText(field: string, label: string, max: number) {
  const required = coded(`${field}.required`, `${label} is required`);
  return z
    .string(required)
    .check(z.trim(), z.minLength(1, required), z.maxLength(max, coded(`${field}.too_long`, `${label} must be at most ${max} characters`, { max })), ...plainText(field, label));
}

/** Null, like a missing field or an empty string, means "not set": GET answers null for those. */
function optionalText(field: string, label: string, max: number) {
  return z.optional(
    z.nullable(
      z
        .string(coded(`${field}.not_text`, `${label} must be text`))
        .check(z.trim(), z.maxLength(max, coded(`${field}.too_long`, `${label} must be at most ${max} characters`, { max })), ...plainText(field, label)),
    ),
  );
}

/** The same limit as the per-country check (tax-ids.ts): the longest postal codes have 10 characters. */
const MAX_ZIP_LENGTH = 10;

/**
 * BillingInfoRequest with the rules the contract leaves implicit: real email, ISO country, US state,
 * VAT and postal code formats per country. Values are normalized (trimmed, upper-cased codes, VAT
 * without separators and with its country prefix) so that what is stored is what was checked.
 */
export const billingInfoRequestSchema = z
  .object({
    first_name: requiredText('first_name', 'First name', 100),
    last_name: requiredText('last_name', 'Last name', 100),
    // Named as the form labels it, "Billing email", so that a message matches the field it is under.
    email: z
      .string(coded('email.required', 'Billing email is required'))
      .check(
        z.trim(),
        z.minLength(1, coded('email.required', 'Billing email is required')),
        z.maxLength(254, coded('email.too_long', 'Billing email must be at most 254 characters', { max: 254 })),
        z.email(coded('email.format', 'Enter a valid email address, like name@company.com')),
      ),
    address: requiredText('address', 'Address', 200),
    city: requiredText('city', 'City', 100),
    zip: z
      .string(coded('zip.required', 'Postal code is required'))
      .check(
        z.trim(),
        z.toUpperCase(),
        z.minLength(1, coded('zip.required', 'Postal code is required')),
        z.maxLength(MAX_ZIP_LENGTH, coded('zip.too_long', `Postal code must be at most ${MAX_ZIP_LENGTH} characters`, { max: MAX_ZIP_LENGTH })),
        ...plainText('zip', 'Postal code'),
      ),
    state: optionalText('state', 'State', 100),
    country_code: z
      .string(coded('country_code.required', 'Country is required'))
      .check(
        z.trim(),
        z.toUpperCase(),
        z.minLength(1, coded('country_code.required', 'Country is required')),
        z.refine(isCountryCode, coded('country_code.unknown', 'Choose a country from the list (ISO 3166 code, like US or FR)')),
      ),
    company: optionalText('company', 'Company', 200),
    vat_number: optionalText('vat_number', 'VAT number', 40),
  })
  .check(
    z.superRefine(
      (value, ctx) => {
        // Runs even when other fields have the wrong type, so that one answer names every problem.
        const country = typeof value.country_code === 'string' ? value.country_code : '';
        if (!isCountryCode(country)) return;
        const name = countryName(country);

        if (country === 'US') {
          if (typeof value.state !== 'string' || value.state === '') {
            ctx.addIssue({ code: 'custom', path: ['state'], message: coded('state.required_us', 'State is required for the United States') });
          } else {
            const state = normalizeUsState(value.state);
            if (state) value.state = state;
            else ctx.addIssue({ code: 'custom', path: ['state'], message: coded('state.unknown_us', 'Choose a US state from the list') });
          }
        }

        // A postal code over the length limit already has its message.
        if (typeof value.zip === 'string' && value.zip !== '' && value.zip.length <= MAX_ZIP_LENGTH) {
          const error = zipError(value.zip, country, name);
          if (error) ctx.addIssue({ code: 'custom', path: ['zip'], message: error });
        }

        if (typeof value.vat_number === 'string' && value.vat_number !== '') {
          value.vat_number = normalizeVatNumber(value.vat_number, country);
          const error = vatNumberError(value.vat_number, country, name);
          if (error) ctx.addIssue({ code: 'custom', path: ['vat_number'], message: error });
        }
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );

export type BillingInfoRequest = z.infer<typeof billingInfoRequestSchema>;
export type BillingInfoFormValues = z.input<typeof billingInfoRequestSchema>;
