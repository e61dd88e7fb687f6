import { describe, expect, it } from 'vitest';
import type { Invoice } from '@/api/contract';
import { centsToUnits } from '@/lib/csv';
import { invoicesToCsv } from './invoice-csv';

const invoice = (overrides: Partial<Invoice>): Invoice => ({
  id: '6511c830-b047-4506-a368-790d3f3a31fc',
  created_at: '2025-03-04T06:00:00+02:00',
  status: 'PAYMENT_DUE',
  total_in_cents: 35_880,
  total: 358.8,
  currency_code: 'USD',
  ...overrides,
});

describe('the CSV export', () => {
  it('writes a header and one row per invoice, in the view’s order, with ISO dates and amounts in cents and units', () => {
    const csv = invoicesToCsv([invoice({}), invoice({ id: 'b', status: 'PAID', total_in_cents: 5, currency_code: 'EUR' })]);
    expect(csv.split('\r\n')).toEqual([
      'invoice_id,short_id,created_at,status,status_label,currency,amount_cents,amount',
      '6511c830-b047-4506-a368-790d3f3a31fc,6511c830,2025-03-04T04:00:00.000Z,PAYMENT_DUE,Payment due,USD,35880,358.80',
      'b,b,2025-03-04T04:00:00.000Z,PAID,Paid,EUR,5,0.05',
      '',
    ]);
  });

  it('defuses text cells that a spreadsheet would run as a formula', () => {
    const csv = invoicesToCsv([invoice({ id: '=cmd|calc', currency_code: '@X' })]);
    expect(csv).toContain("'=cmd|calc,");
    expect(csv).toContain(",'@X,");
  });

  it('quotes cells with commas, quotes or line breaks', () => {
    expect(invoicesToCsv([invoice({ id: '=a,b' })])).toContain(`"'=a,b"`);
  });

  it('keeps a credit note’s minus sign as a number, not text', () => {
    expect(centsToUnits(-1_250)).toBe('-12.50');
    expect(invoicesToCsv([invoice({ total_in_cents: -1_250 })])).toContain(',USD,-1250,-12.50');
  });

  it('writes the currency in upper case, as the totals show it', () => {
    expect(invoicesToCsv([invoice({ currency_code: 'eur' })])).toContain(',EUR,35880,358.80');
  });
});
