import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyDigits, decimalToMinor, formatMinor, minorToDecimal, minorToUnits, parseAmount, sumByCurrency, unitsToMinor } from './money';

const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'GBP', 'CLP', 'BHD', 'ISK'] as const;

describe('currency precision', () => {
  it('comes from Intl: 2 for USD and EUR, 0 for JPY, 3 for KWD', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('eur')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(currencyDigits('BHD')).toBe(3);
  });

  it('falls back to 2 for a code Intl refuses', () => {
    expect(currencyDigits('US')).toBe(2);
    expect(formatMinor(1250, 'US')).toBe('12.50 US');
  });
});

describe('minor units and decimals', () => {
  it('write exactly the currency’s digits', () => {
    expect(minorToDecimal(-1_250, 'USD')).toBe('-12.50');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(1_200, 'JPY')).toBe('1200');
    expect(minorToDecimal(1_250, 'KWD')).toBe('1.250');
    expect(minorToDecimal(-7, 'KWD')).toBe('-0.007');
    expect(minorToUnits(1_250, 'KWD')).toBe(1.25);
    expect(minorToUnits(1_200, 'JPY')).toBe(1_200);
  });

  it('read decimal text without float rounding, refusing more digits than the currency has', () => {
    expect(decimalToMinor('76.00', 'USD')).toBe(7_600);
    expect(decimalToMinor('6.3', 'USD')).toBe(630);
    expect(decimalToMinor('0.29', 'USD')).toBe(29);
    expect(decimalToMinor('-12.5', 'USD')).toBe(-1_250);
    expect(decimalToMinor('12.345', 'USD')).toBeNull();
    expect(decimalToMinor('12.345', 'KWD')).toBe(12_345);
    expect(decimalToMinor('1200', 'JPY')).toBe(1_200);
    expect(decimalToMinor('12.5', 'JPY')).toBeNull();
    expect(decimalToMinor('n/a', 'USD')).toBeNull();
    expect(decimalToMinor('-0.00', 'USD')).toBe(0);
  });

  it('round-trip every amount in every precision', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.integer({ min: -1e12, max: 1e12 }), (currency, minor) => {
        expect(decimalToMinor(minorToDecimal(minor, currency), currency)).toBe(minor);
        expect(unitsToMinor(minorToUnits(minor, currency), currency)).toBe(minor);
      }),
    );
  });

  it('format for people with the currency’s own digits', () => {
    expect(formatMinor(123_450, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMinor(1_200, 'JPY', 'en-US')).toBe('¥1,200');
    expect(formatMinor(1_250, 'KWD', 'en-US')).toBe('KWD\u00a01.250');
    expect(formatMinor(123_450, 'EUR', 'fr-FR')).toBe('1\u202f234,50\u00a0€');
  });
});

describe('typed amounts', () => {
  it('read the ways people type them', () => {
    expect(parseAmount('1,234.50', 'USD', 'en-US')).toBe(123_450);
    expect(parseAmount('1.234,50', 'EUR', 'de-DE')).toBe(123_450);
    expect(parseAmount('1 234,50 €', 'EUR', 'fr-FR')).toBe(123_450);
    expect(parseAmount('$12', 'USD', 'en-US')).toBe(1_200);
    expect(parseAmount('12,5', 'USD', 'en-US')).toBe(1_250);
    expect(parseAmount('-3.20 USD', 'USD', 'en-US')).toBe(-320);
    expect(parseAmount('¥1,200', 'JPY', 'en-US')).toBe(1_200);
    expect(parseAmount('1.250', 'KWD', 'en-US')).toBe(1_250);
    expect(parseAmount("CHF-1'234.50", 'CHF', 'de-CH')).toBe(-123_450);
    expect(parseAmount('(12.00)', 'USD', 'en-US')).toBe(-1_200);
    expect(parseAmount('\u061c-\u200f\u0661\u066c\u0662\u0663\u0664\u066b\u0665\u0660 US$', 'USD', 'ar-EG')).toBe(-123_450);
  });

  it('take a lone mark followed by three digits as the locale says', () => {
    expect(parseAmount('1,234', 'USD', 'en-US')).toBe(123_400);
    expect(parseAmount('1,234', 'EUR', 'fr-FR')).toBeNull();
    expect(parseAmount('1.234', 'EUR', 'de-DE')).toBe(123_400);
  });

  it('refuse what is not an amount or is more precise than the currency', () => {
    for (const text of ['', 'abc', '12.3.4,5', '--1', '1.234', '€']) expect(parseAmount(text, 'JPY', 'en-US')).toBeNull();
    expect(parseAmount('0.001', 'USD', 'en-US')).toBeNull();
  });

  it('read back what formatMinor writes, in several locales', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom('en-US', 'fr-FR', 'de-DE', 'de-CH', 'es-ES', 'en-IN', 'ar-EG', 'he-IL', 'ja-JP'),
        fc.integer({ min: -1e9, max: 1e9 }),
        (currency, locale, minor) => {
          expect(parseAmount(formatMinor(minor, currency, locale), currency, locale)).toBe(minor);
        },
      ),
    );
  });
});

describe('sums per currency', () => {
  it('never add two currencies together, and are exact', () => {
    const totals = sumByCurrency(
      [
        { currency: 'USD', minor: 35_880 },
        { currency: 'EUR', minor: 54_000 },
        { currency: 'usd', minor: 2_880 },
        { currency: 'JPY', minor: 1 },
      ],
      (item) => item,
    );
    expect(totals).toEqual([
      { currency: 'EUR', count: 1, minor: 54_000 },
      { currency: 'JPY', count: 1, minor: 1 },
      { currency: 'USD', count: 2, minor: 38_760 },
    ]);
  });

  it('equal, per currency, the sum of that currency’s amounts alone', () => {
    const item = fc.record({ currency: fc.constantFrom(...CURRENCIES), minor: fc.integer({ min: -1e9, max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const totals = sumByCurrency(items, (entry) => entry);
        expect(totals.map((total) => total.currency)).toEqual([...new Set(items.map((entry) => entry.currency))].sort());
        for (const total of totals) {
          const own = items.filter((entry) => entry.currency === total.currency);
          expect(total.count).toBe(own.length);
          expect(total.minor).toBe(own.reduce((sum, entry) => sum + entry.minor, 0));
        }
      }),
    );
  });
});
