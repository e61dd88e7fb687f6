import { describe, expect, it } from 'vitest';
import { billingInfoRequestSchema } from '@/api/billing-info';
import { cancelSubscriptionRequestSchema, quantityError } from '@/api/cloud-plans-requests';
import { creditCardRequestSchemaAt } from '@/api/credit-card';
import { creditCodeRefusals, creditCodeRequestSchema, tooManyWrongCodes } from '@/api/credit-code';
import { filedMessages, type MessageParams } from '@/api/field-messages';
import { usageReportRequestSchema } from '@/api/usage-report';
// Files the console's own request errors (src/api/client.ts) under their codes.
import './field-error-text';
import english from './field-messages/en.json';
import englishMessages from './field-messages/en.json?messages';

/**
 * The field errors' codes against their translators' source (src/components/ui/field-messages/en.json):
 * every code a shared schema files is in it, and its English message, given the parameters the
 * schema sent, is the schema's own text; and the catalog has no code that no schema files.
 */
const NOW = new Date('2026-12-05T10:00:00Z');
const LONG = 'x'.repeat(300);

function trigger() {
  const billing = (fields: Record<string, unknown>) =>
    billingInfoRequestSchema.safeParse({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      address: '1 Way',
      city: 'Paris',
      zip: '75001',
      country_code: 'FR',
      ...fields,
    });
  billing({ zip: '7500', vat_number: 'FR123' });
  billing({ zip: '!!!!', country_code: 'ZZ' });
  billing({ country_code: 'KE', zip: '??', vat_number: '!' });
  billing({ country_code: 'US', zip: '94103', state: '' });
  billing({ country_code: 'US', zip: '94103', state: 'Narnia' });
  const card = creditCardRequestSchemaAt(() => NOW);
  for (const number of ['', '42a', '9999999999999999', '424242424242424', '4242424242424241']) card.safeParse({ number, cvv: '12', expiry_month: 1, expiry_year: 2020 });
  card.safeParse({ number: '378282246310005', cvv: '12', expiry_month: 1, expiry_year: 2099 });
  card.safeParse({ number: '4242424242424242', cvv: '', expiry_month: 1, expiry_year: 2099 });
  for (const quantity of ['', '0', '100000', 'x']) quantityError(quantity);
  cancelSubscriptionRequestSchema.safeParse({ org_id: 'o', reason: 1 });
  creditCodeRequestSchema.safeParse({ code: '' });
  usageReportRequestSchema.safeParse({ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z', report_expiration_in_seconds: 60 });
  usageReportRequestSchema.safeParse({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', report_expiration_in_seconds: 60 });
  billingInfoRequestSchema.safeParse({ first_name: LONG });
  creditCodeRefusals.unknown('NOPE42');
  creditCodeRefusals.expired('OLD10', '2026-01-31');
  creditCodeRefusals.redeemedHere('WELCOME100');
  creditCodeRefusals.usedUp('STARTUP500');
  tooManyWrongCodes('organization', 10, 600);
  tooManyWrongCodes('account', 10, 1);
  tooManyWrongCodes('account', 10, 45);
}

/** The parameters as English says them (the console says them in the active language). */
function inEnglish(params: MessageParams): Record<string, string | number> {
  const values: Record<string, string | number> = { ...params };
  // A day stays as the server wrote it in English (2026-01-31); the console names it in its language.
  if (typeof params.country === 'string') values.country = new Intl.DisplayNames(['en'], { type: 'region' }).of(params.country) ?? params.country;
  return values;
}

describe('field error codes', () => {
  trigger();
  const filed = [...filedMessages()];

  it('files every message of the shared schemas that a field can show', () => {
    expect(filed.length).toBeGreaterThan(60);
  });

  it('has every filed code in the English catalog, saying what the schema says', () => {
    for (const [text, { code, params }] of filed) {
      const message = englishMessages[code];
      expect({ code, inCatalog: message !== undefined }).toEqual({ code, inCatalog: true });
      // "A Visa" but "An American Express": English articles are the schema's own text's business.
      if (message && code !== 'number.length') expect({ code, text: message(inEnglish(params)) }).toEqual({ code, text });
    }
  });

  it('has no code that no schema files', () => {
    const codes = new Set(filed.map(([, { code }]) => code));
    expect(Object.keys(english).filter((code) => !codes.has(code))).toEqual([]);
  });

  it('sends a list of numbers, not English, for a card length', () => {
    expect(filed.find(([, { code }]) => code === 'number.length')?.[1].params).toEqual({ brand: 'Visa', lengths: '13,16,19' });
  });
});
