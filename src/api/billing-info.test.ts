import { describe, expect, it } from 'vitest';
import { billingInfoRequestSchema } from './billing-info';

const valid = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@acme.test',
  address: '12 rue de la Paix',
  city: 'Paris',
  zip: '75002',
  country_code: 'FR',
  company: 'Acme Corp SAS',
  vat_number: 'FR32123456789',
};

function errorsOf(input: Record<string, unknown>): Record<string, string> {
  const result = billingInfoRequestSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('billing info rules', () => {
  it('accepts a complete French company and normalizes what it stores', () => {
    const result = billingInfoRequestSchema.safeParse({ ...valid, first_name: '  Ada ', country_code: 'fr', vat_number: '32 123 456 789' });
    expect(result.success && result.data).toMatchObject({ first_name: 'Ada', country_code: 'FR', vat_number: 'FR32123456789' });
  });

  it.each([
    ['first_name', { first_name: '' }, 'First name is required'],
    ['last_name', { last_name: '   ' }, 'Last name is required'],
    ['email', { email: 'ada@' }, 'Enter a valid email address, like name@company.com'],
    // The field is labelled "Billing email": its messages say so.
    ['email', { email: undefined }, 'Billing email is required'],
    ['address', { address: '' }, 'Address is required'],
    ['city', { city: undefined }, 'City is required'],
    ['country_code', { country_code: 'XX' }, 'Choose a country from the list (ISO 3166 code, like US or FR)'],
    ['zip', { zip: '7500' }, 'This is not a valid postal code for France (for example 75001)'],
    ['vat_number', { vat_number: 'FR1234' }, 'This is not a valid VAT number for France (expected a format like FR32123456789)'],
    // Another country's number is refused as it was typed, not saved with the French prefix in front ("FRDE123456789").
    ['vat_number', { vat_number: 'DE123456789' }, 'This is not a valid VAT number for France (expected a format like FR32123456789)'],
    ['vat_number', { vat_number: 'EL 123456789' }, 'This is not a valid VAT number for France (expected a format like FR32123456789)'],
  ])('%s: %j is refused with a clear message', (field, change, message) => {
    expect(errorsOf({ ...valid, ...change })[field]).toBe(message);
  });

  it('requires a US state, accepts its code or name, and checks US ZIP codes', () => {
    const us = { ...valid, country_code: 'US', zip: '94103', vat_number: '' };
    expect(errorsOf(us).state).toBe('State is required for the United States');
    expect(errorsOf({ ...us, state: 'Narnia' }).state).toBe('Choose a US state from the list');
    expect(errorsOf({ ...us, state: 'ca' })).toEqual({});
    const parsed = billingInfoRequestSchema.safeParse({ ...us, state: 'ca' });
    expect(parsed.success && parsed.data.state).toBe('California');
    expect(errorsOf({ ...us, state: 'CA', zip: '9410' }).zip).toMatch(/not a valid postal code for United States/);
    expect(errorsOf({ ...us, state: 'CA', zip: '94103-1234' })).toEqual({});
  });

  it.each([
    ['DE', '10115', 'DE123456789', '1011', 'DE12345678'],
    ['GB', 'SW1A 1AA', 'GB123456789', 'SW1A', 'GB12'],
    ['NL', '1012 AB', 'NL123456789B01', '1012', 'NL123456789'],
    ['GR', '10558', 'EL123456789', '10-5!', 'GR123456789'],
  ])('%s: checks postal code and VAT formats', (country, goodZip, goodVat, badZip, badVat) => {
    const base = { ...valid, country_code: country };
    expect(errorsOf({ ...base, zip: goodZip, vat_number: goodVat })).toEqual({});
    const errors = errorsOf({ ...base, zip: badZip, vat_number: badVat });
    expect(Object.keys(errors).sort()).toEqual(['vat_number', 'zip']);
  });

  it('does not check VAT formats outside the EU and the UK beyond their characters', () => {
    expect(errorsOf({ ...valid, country_code: 'JP', zip: '100-0001', vat_number: 'T1234567890123' })).toEqual({});
    expect(errorsOf({ ...valid, country_code: 'JP', zip: '100-0001', vat_number: 'T-12 34' })).toEqual({});
    expect(errorsOf({ ...valid, country_code: 'JP', zip: '100-0001', vat_number: '<script>' }).vat_number).toBeDefined();
  });

  it('has one length limit for postal codes, 10 characters, in every country', () => {
    const luxembourg = { ...valid, country_code: 'LU', vat_number: '' };
    expect(errorsOf({ ...luxembourg, zip: 'L-1234 567' })).toEqual({});
    expect(errorsOf({ ...luxembourg, zip: 'L-1234 5678' }).zip).toBe('Postal code must be at most 10 characters');
    expect(errorsOf({ ...luxembourg, zip: 'L-1234 567890' }).zip).toBe('Postal code must be at most 10 characters');
  });

  it('reports every invalid field at once', () => {
    expect(Object.keys(errorsOf({ country_code: 'US' })).sort()).toEqual(['address', 'city', 'email', 'first_name', 'last_name', 'state', 'zip']);
  });
});
