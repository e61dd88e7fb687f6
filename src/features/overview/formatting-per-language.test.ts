import { describe, expect, it } from 'vitest';
import de from './messages/de.json?messages';
import en from './messages/en.json?messages';
import es from './messages/es.json?messages';
import fr from './messages/fr.json?messages';
import he from './messages/he.json?messages';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';

/**
 * Plurals and numbers per language, through compiled catalogs (Intl.PluralRules, Intl.NumberFormat)
 * and the money and date modules: each language's own plural forms, digit grouping, decimal mark and
 * currency placement. \u00a0 and \u202f are the no-break spaces Intl puts where a line must not break.
 */
const trialLeft = (catalog: typeof en, days: number) => catalog.trialLeft?.({ days });

describe('plurals per language', () => {
  it('English: one and other', () => {
    expect([1, 2, 0].map((days) => trialLeft(en, days))).toEqual(['Trial: 1 day left', 'Trial: 2 days left', 'Trial: 0 days left']);
  });

  it('French: zero takes the singular, as CLDR says', () => {
    expect([0, 1, 2].map((days) => trialLeft(fr, days))).toEqual(['Essai : 0 jour restant', 'Essai : 1 jour restant', 'Essai : 2 jours restants']);
  });

  it('German and Spanish: one and other', () => {
    expect([1, 3].map((days) => trialLeft(de, days))).toEqual(['Testphase: noch 1 Tag', 'Testphase: noch 3 Tage']);
    expect([1, 3].map((days) => trialLeft(es, days))).toEqual(['Prueba: queda 1 día', 'Prueba: quedan 3 días']);
  });

  it('Hebrew: one, two (a word of its own) and other', () => {
    expect([1, 2, 5].map((days) => trialLeft(he, days))).toEqual(['תקופת ניסיון: נותר יום אחד', 'תקופת ניסיון: נותרו יומיים', 'תקופת ניסיון: נותרו 5 ימים']);
  });

  it('groups the count of a plural in the language’s way', () => {
    expect(trialLeft(en, 1200)).toBe('Trial: 1,200 days left');
    expect(trialLeft(fr, 1200)).toBe('Essai : 1\u202f200 jours restants');
    expect(trialLeft(de, 1200)).toBe('Testphase: noch 1.200 Tage');
  });
});

describe('money and dates per language', () => {
  it('puts the decimal mark, the grouping and the currency where each language does', () => {
    expect(formatMinor(123_450, 'EUR', 'en')).toBe('€1,234.50');
    expect(formatMinor(123_450, 'EUR', 'fr')).toBe('1\u202f234,50\u00a0€');
    expect(formatMinor(123_450, 'EUR', 'de')).toBe('1.234,50\u00a0€');
    expect(formatMinor(123_450, 'EUR', 'es')).toBe('1234,50\u00a0€');
    expect(formatMinor(29_900, 'USD', 'fr')).toBe('299,00\u00a0$US');
    expect(formatMinor(1_200, 'JPY', 'de')).toBe('1.200\u00a0¥');
  });

  it('names the month in the language, on the billing date in every zone', () => {
    const renewal = '2027-01-02T00:00:00Z';
    expect(formatBillingDate(renewal, 'long', 'en')).toBe('January 2, 2027');
    expect(formatBillingDate(renewal, 'long', 'fr')).toBe('2 janvier 2027');
    expect(formatBillingDate(renewal, 'long', 'de')).toBe('2. Januar 2027');
    expect(formatBillingDate(renewal, 'long', 'es')).toBe('2 de enero de 2027');
    expect(formatBillingDate(renewal, 'long', 'he')).toBe('2 בינואר 2027');
  });
});
