import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMinor } from '@/lib/money';
import { amountSearchText, parseSearch } from './invoice-search';

/** Whether a query finds an invoice of this amount and currency, as selectView decides it. */
function finds(query: string, minor: number, currency: string, known: readonly string[], locale: string): boolean {
  const search = parseSearch(query, known, locale);
  if (search.amount === null) return false;
  return (search.currencies === null || search.currencies.includes(currency)) && amountSearchText(minor, currencyDigits(currency)).includes(`\n${search.amount}`);
}

describe('the invoice search, in the list’s language', () => {
  const known = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'KWD', 'CHF'];

  it('finds an amount copied from the list in every language the console speaks', () => {
    for (const locale of ['en', 'en-GB', 'fr', 'fr-CA', 'de', 'es', 'he']) {
      for (const currency of known) {
        for (const minor of [123_456, -2_880, 54_000]) {
          const shown = formatMinor(minor, currency, locale);
          expect(finds(shown, minor, currency, known, locale), `${locale}: ${shown}`).toBe(true);
        }
      }
    }
  });

  it('reads the symbol the language shows as that currency, and a sign alone as every currency with it', () => {
    expect(parseSearch('1 234,50 $US', known, 'fr')).toMatchObject({ amount: '1234,50', currencies: ['USD'] });
    expect(parseSearch('1234,50 US$', known, 'es')).toMatchObject({ amount: '1234,50', currencies: ['USD'] });
    expect(parseSearch('28,80 $CA', known, 'fr')).toMatchObject({ amount: '28,80', currencies: ['CAD'] });
    const rightToLeft = parseSearch('\u200f\u200e-1,234.50 \u200f$', known, 'he');
    expect(rightToLeft.amount).toBe('-1,234.50');
    expect(rightToLeft.currencies).toContain('USD');
    expect(rightToLeft.currencies).toContain('CAD');
    expect(parseSearch('-€12', known, 'en')).toMatchObject({ amount: '-12', currencies: ['EUR'] });
    expect(finds('US$540', 54_000, 'CAD', known, 'es')).toBe(false);
    // The search hint's example, written as each language writes it (Hebrew puts the sign after).
    for (const [locale, example] of [
      ['en', '€540'],
      ['fr', '540 €'],
      ['de', '540 €'],
      ['es', '540 €'],
      ['he', '540 €'],
    ] as const) {
      expect(finds(example, 54_000, 'EUR', known, locale), `${locale}: ${example}`).toBe(true);
    }
  });

  it('still reads ids and references as text', () => {
    expect(parseSearch('INV 6511C830', known, 'fr')).toMatchObject({ id: 'inv-6511c830', amount: null });
    expect(parseSearch('cafe', known, 'es')).toMatchObject({ id: 'cafe', amount: null, currencies: null });
  });
});
