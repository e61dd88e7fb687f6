import { afterEach, describe, expect, it, vi } from 'vitest';
import { issuesToFieldErrors } from './api-error';
import { creditCardRequestSchema, detectBrand, formatCardNumber } from './credit-card';

/** The field errors the server would answer with (and the form shows), as { field: message }. */
function errorsOf(input: unknown): Record<string, string> {
  const result = creditCardRequestSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(issuesToFieldErrors(result.error.issues).map((error) => [error.field, error.message]));
}

const validCard = { cvv: '123', expiry_month: 12, expiry_year: 2030 };

afterEach(() => {
  vi.useRealTimers();
});

describe('card number', () => {
  // Issuers' published test numbers: each has the brand's prefix, length and a valid Luhn check digit.
  it.each([
    ['VISA', '4242424242424242'],
    ['VISA', '4012888888881881'],
    ['VISA', '4222222222222'],
    ['MASTERCARD', '5555555555554444'],
    ['MASTERCARD', '5105105105105100'],
    ['MASTERCARD', '2223003122003222'],
    ['AMEX', '378282246310005'],
    ['AMEX', '371449635398431'],
    ['DISCOVER', '6011111111111117'],
    ['DISCOVER', '6011000990139424'],
    ['DINERS', '36227206271667'],
    ['DINERS', '3056930009020004'],
    ['JCB', '3566002020360505'],
    ['UNIONPAY', '6200000000000005'],
    ['UNIONPAY', '6205500000000000004'],
  ])('accepts the %s test number %s', (brand, number) => {
    expect(detectBrand(number)?.id).toBe(brand);
    const cvv = brand === 'AMEX' ? '1234' : '123';
    expect(errorsOf({ ...validCard, number, cvv })).toEqual({});
  });

  it.each([
    ['', 'Card number is required'],
    ['4242 abcd 4242 4242', 'A card number contains digits only'],
    ['4242424242424241', 'This card number is not valid: check it for typos'],
    ['5555555555554443', 'This card number is not valid: check it for typos'],
    ['378282246310006', 'This card number is not valid: check it for typos'],
    ['424242424242424', 'A Visa number has 13, 16 or 19 digits'],
    ['42424242424242424', 'A Visa number has 13, 16 or 19 digits'],
    ['555555555555444', 'A Mastercard number has 16 digits'],
    ['3782822463100050', 'An American Express number has 15 digits'],
    ['601111111111111', 'A Discover number has 16, 17, 18 or 19 digits'],
    ['3622720627166', 'A Diners Club number has 14, 16, 17, 18 or 19 digits'],
    ['1234567812345670', 'This card brand is not accepted: use Visa, Mastercard, American Express, Discover, Diners Club, JCB or UnionPay'],
  ])('refuses %j: %s', (number, message) => {
    expect(errorsOf({ ...validCard, number }).number).toBe(message);
  });

  it('accepts the number with spaces or dashes and sends only its digits', () => {
    const result = creditCardRequestSchema.safeParse({ ...validCard, number: '4242-4242 4242-4242' });
    expect(result.success && result.data.number).toBe('4242424242424242');
  });

  it.each([
    ['4242424242424242', '4242 4242 4242 4242'],
    ['378282246310005', '3782 822463 10005'],
    ['36227206271667', '3622 720627 1667'],
    ['3056930009020004', '3056 9300 0902 0004'],
    ['6205500000000000004', '6205 5000 0000 0000 004'],
    ['42424', '4242 4'],
    ['4242-4242 42', '4242 4242 42'],
    ['42424242424242424242424', '4242 4242 4242 4242 424'],
  ])('groups %s as %s while it is typed', (typed, shown) => {
    expect(formatCardNumber(typed)).toBe(shown);
  });
});

describe('security code', () => {
  it.each([
    ['4242424242424242', '123', undefined],
    ['4242424242424242', '1234', 'The security code has 3 digits'],
    ['4242424242424242', '12', 'The security code has 3 digits'],
    ['4242424242424242', '12a', 'The security code has 3 digits'],
    ['5555555555554444', '999', undefined],
    ['6011111111111117', '1234', 'The security code has 3 digits'],
    ['378282246310005', '1234', undefined],
    ['378282246310005', '123', 'An American Express security code has 4 digits'],
    ['378282246310005', '', 'Security code is required'],
    ['4242424242424242', '  123 ', undefined],
  ])('card %s, code %j: %s', (number, cvv, message) => {
    expect(errorsOf({ ...validCard, number, cvv }).cvv).toBe(message);
  });
});

describe('expiry', () => {
  const card = { number: '4242424242424242', cvv: '123' };
  const at = (iso: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(iso));
  };

  it('keeps a card valid through the last second of its expiry month', () => {
    at('2026-03-31T23:59:59Z');
    expect(errorsOf({ ...card, expiry_month: 3, expiry_year: 2026 })).toEqual({});
    expect(errorsOf({ ...card, expiry_month: 2, expiry_year: 2026 }).expiry_month).toBe('This card has expired');
  });

  it('refuses the card once the next month begins', () => {
    at('2026-04-01T00:00:00Z');
    expect(errorsOf({ ...card, expiry_month: 3, expiry_year: 2026 }).expiry_month).toBe('This card has expired');
    expect(errorsOf({ ...card, expiry_month: 4, expiry_year: 2026 })).toEqual({});
  });

  it('handles the turn of the year', () => {
    at('2026-12-31T23:59:59Z');
    expect(errorsOf({ ...card, expiry_month: 12, expiry_year: 2026 })).toEqual({});
    at('2027-01-01T00:00:00Z');
    expect(errorsOf({ ...card, expiry_month: 12, expiry_year: 2026 }).expiry_month).toBe('This card has expired');
    expect(errorsOf({ ...card, expiry_month: 1, expiry_year: 2027 })).toEqual({});
  });

  it('accepts up to 20 years ahead', () => {
    at('2026-06-15T12:00:00Z');
    expect(errorsOf({ ...card, expiry_month: 12, expiry_year: 2046 })).toEqual({});
    expect(errorsOf({ ...card, expiry_month: 1, expiry_year: 2047 }).expiry_year).toBe('Expiry is at most 20 years ahead');
  });

  it.each([
    [0, 2030, 'expiry_month', 'Choose a month from 1 to 12'],
    [13, 2030, 'expiry_month', 'Choose a month from 1 to 12'],
    [Number.NaN, 2030, 'expiry_month', 'Choose the expiry month'],
    [6, 30, 'expiry_year', 'Enter the year with 4 digits'],
  ])('refuses month %s, year %s', (month, year, field, message) => {
    expect(errorsOf({ ...card, expiry_month: month, expiry_year: year })[field]).toBe(message);
  });
});

it('names every problem at once, even when fields are missing', () => {
  expect(errorsOf({})).toEqual({
    number: 'Card number is required',
    cvv: 'Security code is required',
    expiry_month: 'Choose the expiry month',
    expiry_year: 'Choose the expiry year',
  });
  expect(errorsOf({ number: '4242', cvv: '' })).toEqual({
    number: 'A Visa number has 13, 16 or 19 digits',
    cvv: 'Security code is required',
    expiry_month: 'Choose the expiry month',
    expiry_year: 'Choose the expiry year',
  });
});
