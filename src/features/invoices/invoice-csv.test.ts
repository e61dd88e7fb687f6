import { describe, expect, it } from 'vitest';
import type { Invoice } from '@/api/contract';
import { invoicesToCsv } from './invoice-csv';

const invoice = (overrides: Partial<Invoice>): Invoice => ({
  id: '6511c830-b047-4506-a368-790d3f3a31fc',
  created_at: '2025-03-04T01:00:00+02:00',
  status: 'PAYMENT_DUE',
  total_in_cents: 35_880,
  total: 358.8,
  currency_code: 'USD',
  ...overrides,
});

const lines = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1).split('\r\n');
};

describe('the CSV export', () => {
  it('writes a header and one row per invoice, in the view’s order: reference, billing date, status, currency, amount in units', () => {
    const csv = invoicesToCsv([
      invoice({}),
      invoice({ id: 'b', status: 'PAID', total_in_cents: 5, currency_code: 'EUR' }),
      invoice({ id: 'c0ffee00-0000-4000-8000-000000000000', status: 'PAID', total_in_cents: 1_200, currency_code: 'JPY' }),
      invoice({ id: 'd', status: 'PAID', total_in_cents: 1_250, currency_code: 'KWD' }),
    ]);
    expect(lines(csv)).toEqual([
      'reference,date,status,status_label,currency,amount,invoice_id',
      // 01:00 at UTC+2 is 23:00 UTC the day before: the billing date, as on the PDF.
      'INV-6511C830B0,2025-03-03,PAYMENT_DUE,Payment due,USD,358.80,6511c830-b047-4506-a368-790d3f3a31fc',
      'INV-B,2025-03-03,PAID,Paid,EUR,0.05,b',
      'INV-C0FFEE0000,2025-03-03,PAID,Paid,JPY,1200,c0ffee00-0000-4000-8000-000000000000',
      'INV-D,2025-03-03,PAID,Paid,KWD,1.250,d',
      '',
    ]);
  });

  it('separates with semicolons and writes decimal commas for spreadsheets that use them', () => {
    expect(lines(invoicesToCsv([invoice({})], ';'))).toEqual([
      'reference;date;status;status_label;currency;amount;invoice_id',
      'INV-6511C830B0;2025-03-03;PAYMENT_DUE;Payment due;USD;358,80;6511c830-b047-4506-a368-790d3f3a31fc',
      '',
    ]);
  });

  it('defuses text cells that a spreadsheet would run as a formula', () => {
    const csv = invoicesToCsv([invoice({ id: '=cmd|calc', currency_code: '@X' })]);
    expect(csv).toContain(",'=cmd|calc");
    expect(csv).toContain(",'@X,");
  });

  it('quotes cells with the separator, quotes or line breaks', () => {
    expect(invoicesToCsv([invoice({ id: '=a,b' })])).toContain(`"'=a,b"`);
    expect(invoicesToCsv([invoice({ id: 'a;b' })], ';')).toContain(`"a;b"`);
  });

  it('keeps a credit note’s minus sign as a number, not text', () => {
    expect(invoicesToCsv([invoice({ total_in_cents: -1_250 })])).toContain(',USD,-12.50,');
    expect(invoicesToCsv([invoice({ total_in_cents: -1_250 })], ';')).toContain(';USD;-12,50;');
  });

  it('writes the currency in upper case, as the totals show it', () => {
    expect(invoicesToCsv([invoice({ currency_code: 'eur' })])).toContain(',EUR,358.80,');
  });
});
