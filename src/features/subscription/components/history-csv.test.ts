import { describe, expect, it } from 'vitest';
import { historyCsv } from './history-csv';

describe('history CSV', () => {
  it('is laid out like the invoice export: no BOM, ISO dates, the currency, amounts in cents and units', () => {
    const csv = historyCsv([
      { id: 'b', status: 'unpaid', organization: 'o', date: '2026-03-14T12:00:00+02:00', due_date: '2026-03-23T10:00:00.000Z', amount: '76.00', description: 'Standard plan, 4 instances' },
      { id: 'a', status: 'paid', organization: 'o', date: '2026-02-23T10:00:00.000Z', due_date: '2026-02-23T10:00:00.000Z', amount: '6.3' },
      { id: 'c', status: 'paid', organization: 'o', date: 'soon', due_date: 'later', amount: 'n/a' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'id,date,due_date,status,currency,amount_cents,amount,description',
      'b,2026-03-14T10:00:00.000Z,2026-03-23T10:00:00.000Z,unpaid,USD,7600,76.00,"Standard plan, 4 instances"',
      'a,2026-02-23T10:00:00.000Z,2026-02-23T10:00:00.000Z,paid,USD,630,6.30,',
      'c,soon,later,paid,USD,,n/a,',
      '',
    ]);
  });
});
