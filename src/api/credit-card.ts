import * as z from 'zod/mini';
import { coded } from './field-messages';

export interface CardBrand {
  id: 'VISA' | 'MASTERCARD' | 'AMEX' | 'DISCOVER' | 'DINERS' | 'JCB' | 'UNIONPAY';
  label: string;
  prefix: RegExp;
  lengths: readonly number[];
  cvcLength: 3 | 4;
  /** Digit groups used to display the number as it is typed; longer numbers use groups of 4. */
  groups: readonly number[];
}

/** Order matters: Discover's 622126–622925 range must be tested before UnionPay's 62. */
export const CARD_BRANDS: readonly CardBrand[] = [
  { id: 'AMEX', label: 'American Express', prefix: /^3[47]/, lengths: [15], cvcLength: 4, groups: [4, 6, 5] },
  { id: 'VISA', label: 'Visa', prefix: /^4/, lengths: [13, 16, 19], cvcLength: 3, groups: [4, 4, 4, 4, 3] },
  {
    id: 'MASTERCARD',
    label: 'Mastercard',
    prefix: /^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d{2}|27[01]\d|2720)/,
    lengths: [16],
    cvcLength: 3,
    groups: [4, 4, 4, 4],
  },
  {
    id: 'DISCOVER',
    label: 'Discover',
    prefix: /^(6011|65|64[4-9]|622(12[6-9]|1[3-9]\d|[2-8]\d{2}|9[01]\d|92[0-5]))/,
    lengths: [16, 17, 18, 19],
    cvcLength: 3,
    groups: [4, 4, 4, 4, 3],
  },
  { id: 'DINERS', label: 'Diners Club', prefix: /^(30[0-5]|3095|36|3[89])/, lengths: [14, 16, 17, 18, 19], cvcLength: 3, groups: [4, 6, 4] },
  { id: 'JCB', label: 'JCB', prefix: /^(352[89]|35[3-8]\d)/, lengths: [16, 17, 18, 19], cvcLength: 3, groups: [4, 4, 4, 4, 3] },
  { id: 'UNIONPAY', label: 'UnionPay', prefix: /^62/, lengths: [16, 17, 18, 19], cvcLength: 3, groups: [4, 4, 4, 4, 3] },
];

/** The sandbox declines this otherwise valid Visa number, like a real issuer would. */
export const DECLINED_TEST_CARD = '4000000000000002';
/** What the sandbox answers for the declined test card: the form's error, not a field's. */
export const CARD_DECLINED = coded('card.declined', 'Your card was declined by its issuer. Try another card or contact your bank.');

export function cardDigits(value: string): string {
  return value.replace(/[\s-]/g, '');
}

export function detectBrand(digits: string): CardBrand | null {
  return CARD_BRANDS.find((brand) => brand.prefix.test(digits)) ?? null;
}

export function brandLabel(id: string): string {
  return CARD_BRANDS.find((brand) => brand.id === id)?.label ?? id;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Groups digits the way the brand prints them: "3782 822463 10005", "4242 4242 4242 4242". */
export function formatCardNumber(value: string): string {
  const digits = cardDigits(value).replace(/\D/g, '').slice(0, 19);
  const brandGroups = detectBrand(digits)?.groups;
  // A 14-digit Diners Club prints 4-6-4, a 16-digit one 4-4-4-4; typing past a brand's groups shows every digit.
  const groups = brandGroups && digits.length <= brandGroups.reduce((sum, size) => sum + size, 0) ? brandGroups : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let start = 0;
  for (const size of groups) {
    if (start >= digits.length) break;
    parts.push(digits.slice(start, start + size));
    start += size;
  }
  return parts.join(' ');
}

function joinLengths(lengths: readonly number[]): string {
  return lengths.length === 1 ? String(lengths[0]) : `${lengths.slice(0, -1).join(', ')} or ${lengths.at(-1)}`;
}

export function cardNumberError(value: string): string | null {
  const digits = cardDigits(value);
  if (digits === '') return coded('number.required', 'Card number is required');
  if (!/^\d+$/.test(digits)) return coded('number.digits_only', 'A card number contains digits only');
  const brand = detectBrand(digits);
  if (!brand) return coded('number.brand_not_accepted', 'This card brand is not accepted: use Visa, Mastercard, American Express, Discover, Diners Club, JCB or UnionPay');
  if (!brand.lengths.includes(digits.length)) {
    // `lengths` as a list of numbers ("13,16,19"): a client says "or" in its own language.
    return coded('number.length', `${/^[AEIOU]/.test(brand.label) ? 'An' : 'A'} ${brand.label} number has ${joinLengths(brand.lengths)} digits`, {
      brand: brand.label,
      lengths: brand.lengths.join(','),
    });
  }
  if (!passesLuhn(digits)) return coded('number.checksum', 'This card number is not valid: check it for typos');
  return null;
}

export function isCardExpired(month: number, year: number, now: Date): boolean {
  const currentYear = now.getUTCFullYear();
  const currentMonth = now.getUTCMonth() + 1;
  return year < currentYear || (year === currentYear && month < currentMonth);
}

export const MAX_CARD_YEARS_AHEAD = 20;

/**
 * CreditCardRequest with the card rules, "expired" judged against `now`: the server passes its own
 * clock, so that expiry agrees with the `is_expired` it reports and can be tested at month
 * boundaries. The number is checked on its own field; the security code (its length depends on the
 * brand) and the expiry (month and year together) are checked on the whole object, even when
 * another field is missing, so that one answer names every problem.
 */
export function creditCardRequestSchemaAt(now: () => Date) {
  return z
    .object({
      number: z.string(coded('number.required', 'Card number is required')).check(
        z.overwrite(cardDigits),
        z.superRefine((digits, ctx) => {
          const error = cardNumberError(digits);
          if (error) ctx.addIssue({ code: 'custom', message: error, input: digits });
        }),
      ),
      cvv: z.string(coded('cvv.required', 'Security code is required')).check(z.trim()),
      expiry_month: z
        .int(coded('expiry_month.required', 'Choose the expiry month'))
        .check(z.gte(1, coded('expiry_month.range', 'Choose a month from 1 to 12')), z.lte(12, coded('expiry_month.range', 'Choose a month from 1 to 12'))),
      expiry_year: z
        .int(coded('expiry_year.required', 'Choose the expiry year'))
        .check(z.gte(2000, coded('expiry_year.four_digits', 'Enter the year with 4 digits')), z.lte(2100, coded('expiry_year.four_digits', 'Enter the year with 4 digits'))),
      token: z.optional(z.nullable(z.string())),
    })
    .check(
      z.superRefine(
        (value, ctx) => {
          if (typeof value.cvv === 'string') {
            const brand = typeof value.number === 'string' ? detectBrand(value.number) : null;
            const cvcLength = brand?.cvcLength ?? 3;
            if (value.cvv === '') {
              ctx.addIssue({ code: 'custom', path: ['cvv'], message: coded('cvv.required', 'Security code is required') });
            } else if (!new RegExp(`^\\d{${cvcLength}}$`).test(value.cvv)) {
              const which =
                brand?.id === 'AMEX' ? coded('cvv.length_amex', 'An American Express security code has 4 digits') : coded('cvv.length', 'The security code has 3 digits');
              ctx.addIssue({ code: 'custom', path: ['cvv'], message: which });
            }
          }

          const { expiry_month: month, expiry_year: year } = value;
          if (!Number.isInteger(month) || !Number.isInteger(year) || month < 1 || month > 12 || year < 2000 || year > 2100) return;
          const today = now();
          if (isCardExpired(month, year, today)) {
            ctx.addIssue({ code: 'custom', path: ['expiry_month'], message: coded('expiry_month.expired', 'This card has expired') });
          } else if (year > today.getUTCFullYear() + MAX_CARD_YEARS_AHEAD) {
            ctx.addIssue({
              code: 'custom',
              path: ['expiry_year'],
              message: coded('expiry_year.too_far', `Expiry is at most ${MAX_CARD_YEARS_AHEAD} years ahead`, { years: MAX_CARD_YEARS_AHEAD }),
            });
          }
        },
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
      ),
    );
}

export const creditCardRequestSchema = creditCardRequestSchemaAt(() => new Date());

export type CreditCardRequest = z.infer<typeof creditCardRequestSchema>;
