import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingExternalIdSchema, billingInfoSchema } from '#api/contract';
import { createTestApp, errorBody, fieldError, orgPath, parsed, US_BILLING_INFO, type TestApp } from './helpers';

const SEEDED_ACME = {
  first_name: 'Alex',
  last_name: 'Martin',
  email: 'billing@acme.test',
  address: '12 rue de la Paix',
  city: 'Paris',
  zip: '75002',
  state: null,
  country_code: 'FR',
  company: 'Acme Corp SAS',
  vat_number: 'FR32123456789',
};

const FRENCH = { first_name: 'Alex', last_name: 'Martin', email: 'billing@acme.test', address: '12 rue de la Paix', city: 'Paris', zip: '75002', country_code: 'FR' };

describe('billing info', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp();
  });
  afterEach(() => app.close());

  async function put(body: unknown, token = 'adminAcme') {
    return app.call('PUT', orgPath('acme', 'billingInfo'), { token, json: body });
  }

  async function stored() {
    return parsed(await app.call('GET', orgPath('acme', 'billingInfo')), 200, billingInfoSchema);
  }

  it('reads the seeded billing info, and nulls for an organization without any', async () => {
    expect(await stored()).toEqual(SEEDED_ACME);
    const globex = parsed(await app.call('GET', orgPath('globex', 'billingInfo'), { token: 'adminGlobex', scheme: 'Token' }), 200, billingInfoSchema);
    expect(globex).toEqual(Object.fromEntries(Object.keys(SEEDED_ACME).map((key) => [key, null])));
  });

  it('saves and normalizes a US address: trimmed, state by name, no VAT', async () => {
    const result = parsed(await put({ ...US_BILLING_INFO, email: '  ada@example.com ', state: 'ca', country_code: 'us' }, 'billingAcme'), 200, billingInfoSchema);
    const expected = { ...US_BILLING_INFO, state: 'California', vat_number: null };
    expect(result).toEqual(expected);
    expect(await stored()).toEqual(expected);
  });

  it('gives each field error a stable code and its parameters beside the English message, for clients to translate', async () => {
    const response = await put({ ...FRENCH, zip: '7500', vat_number: 'FR12', first_name: '' });
    const { errors } = errorBody(response, 400);
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'first_name', message: 'First name is required', code: 'first_name.required', params: {} },
        { field: 'zip', message: 'This is not a valid postal code for France (for example 75001)', code: 'zip.format', params: { country: 'FR', example: '75001' } },
        {
          field: 'vat_number',
          message: 'This is not a valid VAT number for France (expected a format like FR32123456789)',
          code: 'vat_number.format',
          params: { country: 'FR', example: 'FR32123456789' },
        },
      ]),
    );
  });

  it('adds the country prefix to a VAT number typed without it, and strips separators', async () => {
    expect(parsed(await put({ ...FRENCH, vat_number: '32123456789' }), 200, billingInfoSchema).vat_number).toBe('FR32123456789');
    expect(parsed(await put({ ...FRENCH, vat_number: 'fr 32 123.456.789' }), 200, billingInfoSchema).vat_number).toBe('FR32123456789');
    const german = { ...FRENCH, city: 'Berlin', zip: '10115', country_code: 'DE', vat_number: '123456789' };
    expect(parsed(await put(german), 200, billingInfoSchema).vat_number).toBe('DE123456789');
  });

  it('drops the state outside the US and stores empty optional fields as null', async () => {
    const result = parsed(await put({ ...FRENCH, state: 'Ile-de-France', company: '', vat_number: '' }), 200, billingInfoSchema);
    expect(result).toMatchObject({ state: null, company: null, vat_number: null });
  });

  it('takes back what it answered: null optional fields mean "not set"', async () => {
    const seeded = await stored();
    expect(seeded.state).toBeNull();
    expect(parsed(await put(seeded), 200, billingInfoSchema)).toEqual(SEEDED_ACME);
    const cleared = parsed(await put({ ...FRENCH, state: null, company: null, vat_number: null }), 200, billingInfoSchema);
    expect(cleared).toMatchObject({ state: null, company: null, vat_number: null });
    expect(await stored()).toEqual(cleared);
    // A US address still needs its state, null or not.
    expect(fieldError(errorBody(await put({ ...US_BILLING_INFO, state: null }), 400), 'state')).toBe('State is required for the United States');
  });

  it.each([
    ['first_name', 'First name', 'Ada\u0000'],
    ['address', 'Address', '1 Market\nStreet'],
    ['city', 'City', 'San\u0007Francisco'],
    ['company', 'Company', 'Acme\u009BCorp'],
    ['zip', 'Postal code', '94\u0000103'],
    ['vat_number', 'VAT number', 'FR32\u0000123456789'],
  ])('refuses control characters in %s', async (field, label, value) => {
    const body = errorBody(await put({ ...US_BILLING_INFO, [field]: value }), 400);
    expect(fieldError(body, field)).toBe(`${label} must not contain control characters, such as line breaks or NUL`);
    expect(await stored()).toEqual(SEEDED_ACME);
  });

  it.each([
    ['first_name', 'First name', 'Ada\u202E'],
    ['last_name', 'Last name', 'Love\u200Blace'],
    ['address', 'Address', '1 Market\u2028Street'],
    ['city', 'City', 'San \u2066Francisco\u2069'],
    ['company', 'Company', 'Acme \u202Eexe.pdf'],
    ['state', 'State', 'C\u200FA'],
    ['company', 'Company', 'a\u061Cb'],
    ['company', 'Company', 'Ac\uFEFFme'],
    ['last_name', 'Last name', 'Love\u2060lace'],
    ['city', 'City', 'Saar\u00ADbrücken'],
  ])('refuses invisible and text-direction characters in %s', async (field, label, value) => {
    const body = errorBody(await put({ ...US_BILLING_INFO, [field]: value }), 400);
    expect(fieldError(body, field)).toBe(`${label} must not contain invisible or text-direction characters (zero-width spaces, direction overrides, line separators)`);
    expect(await stored()).toEqual(SEEDED_ACME);
  });

  it('refuses a lone surrogate, and accepts characters outside the BMP', async () => {
    expect(fieldError(errorBody(await put({ ...US_BILLING_INFO, last_name: 'Lovelace\uD800' }), 400), 'last_name')).toBe(
      'Last name contains an invalid character (a broken emoji or symbol)',
    );
    expect(fieldError(errorBody(await put({ ...US_BILLING_INFO, company: '\uDC00Acme' }), 400), 'company')).toBe(
      'Company contains an invalid character (a broken emoji or symbol)',
    );
    expect(parsed(await put({ ...US_BILLING_INFO, company: 'Acme 🚀 Ünïcødé' }), 200, billingInfoSchema).company).toBe('Acme 🚀 Ünïcødé');
  });

  it('names every missing required field', async () => {
    const body = errorBody(await put({}), 400);
    expect(Object.fromEntries((body.errors ?? []).map((error) => [error.field, error.message]))).toEqual({
      first_name: 'First name is required',
      last_name: 'Last name is required',
      email: 'Billing email is required',
      address: 'Address is required',
      city: 'City is required',
      zip: 'Postal code is required',
      country_code: 'Country is required',
    });
    expect(body.message).toBe('first_name: First name is required (and 6 more)');
    const blank = errorBody(await put({ ...FRENCH, first_name: '   ' }), 400);
    expect(fieldError(blank, 'first_name')).toBe('First name is required');
  });

  it('refuses a bad email and an unknown country', async () => {
    expect(fieldError(errorBody(await put({ ...FRENCH, email: 'billing@' }), 400), 'email')).toBe('Enter a valid email address, like name@company.com');
    expect(fieldError(errorBody(await put({ ...FRENCH, country_code: 'XX' }), 400), 'country_code')).toBe('Choose a country from the list (ISO 3166 code, like US or FR)');
  });

  it('requires a real state for the US', async () => {
    const { state: _state, ...withoutState } = US_BILLING_INFO;
    expect(fieldError(errorBody(await put(withoutState), 400), 'state')).toBe('State is required for the United States');
    expect(fieldError(errorBody(await put({ ...US_BILLING_INFO, state: 'Narnia' }), 400), 'state')).toBe('Choose a US state from the list');
  });

  it.each([
    { country: 'FR', vat: 'FR1234', message: 'This is not a valid VAT number for France (expected a format like FR32123456789)' },
    { country: 'DE', vat: 'DE12345678X', message: 'This is not a valid VAT number for Germany (expected a format like DE123456789)' },
    { country: 'DE', vat: 'FR32123456789', message: 'This is not a valid VAT number for Germany (expected a format like DE123456789)' },
  ])('refuses VAT number $vat for $country', async ({ country, vat, message }) => {
    const zip = country === 'DE' ? '10115' : '75002';
    expect(fieldError(errorBody(await put({ ...FRENCH, zip, country_code: country, vat_number: vat }), 400), 'vat_number')).toBe(message);
  });

  it.each([
    { country: 'US', zip: '9410', message: 'This is not a valid postal code for United States (for example 94103 or 94103-1234)' },
    { country: 'FR', zip: '750020', message: 'This is not a valid postal code for France (for example 75001)' },
    { country: 'DE', zip: '1011A', message: 'This is not a valid postal code for Germany (for example 10115)' },
    { country: 'GB', zip: '12345', message: 'This is not a valid postal code for United Kingdom (for example SW1A 1AA)' },
  ])('refuses postal code $zip for $country', async ({ country, zip, message }) => {
    const body = errorBody(await put({ ...US_BILLING_INFO, country_code: country, zip }), 400);
    expect(fieldError(body, 'zip')).toBe(message);
  });

  it.each([
    { country: 'US', zip: '94103-1234' },
    { country: 'FR', zip: '75002' },
    { country: 'DE', zip: '10115' },
    { country: 'GB', zip: 'sw1a 1aa' },
  ])('accepts postal code $zip for $country', async ({ country, zip }) => {
    const result = parsed(await put({ ...US_BILLING_INFO, country_code: country, zip }), 200, billingInfoSchema);
    expect(result.zip).toBe(zip.toUpperCase());
  });

  it('changes nothing when it refuses', async () => {
    await put({ ...US_BILLING_INFO, zip: 'nope' });
    await put({ ...FRENCH, vat_number: 'FR1' });
    expect(await stored()).toEqual(SEEDED_ACME);
  });

  it('gives the billing external id', async () => {
    expect(parsed(await app.call('GET', orgPath('acme', 'billingExternalId')), 200, billingExternalIdSchema)).toEqual({ id: 'cus_sbx_acme_7Hq2Lx' });
    expect(parsed(await app.call('GET', orgPath('globex', 'billingExternalId'), { token: 'adminGlobex' }), 200, billingExternalIdSchema)).toEqual({
      id: 'cus_sbx_globex_Pz81Kd',
    });
  });
});
