import { describe, expect, it } from 'vitest';
import { historyCsv } from './history-csv';

const ENTRIES = [
  {
    id: 'b',
    status: 'unpaid',
    organization: 'o',
    date: '2026-03-14T23:30:00-02:00',
    due_date: '2026-03-23T10:00:00.000Z',
    amount: '76.00',
    description: 'Standard plan, 4 instances',
  },
  { id: 'a', status: 'paid', organization: 'o', date: '2026-02-23T10:00:00.000Z', due_date: '2026-02-23T10:00:00.000Z', amount: '6.3' },
  { id: 'c', status: 'paid', organization: 'o', date: 'soon', due_date: 'later', amount: 'n/a' },
];

describe('history CSV', () => {
  it('is laid out like the invoice export: a BOM, billing dates, the currency, amounts in units', () => {
    const csv = historyCsv(ENTRIES);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'date,due_date,status,currency,amount,description,id',
      '2026-03-15,2026-03-23,unpaid,USD,76.00,"Standard plan, 4 instances",b',
      '2026-02-23,2026-02-23,paid,USD,6.30,,a',
      'soon,later,paid,USD,n/a,,c',
      '',
    ]);
  });

  it('writes decimal commas in a semicolon-separated file', () => {
    expect(historyCsv(ENTRIES, ';').slice(1).split('\r\n').slice(0, 3)).toEqual([
      'date;due_date;status;currency;amount;description;id',
      '2026-03-15;2026-03-23;unpaid;USD;76,00;Standard plan, 4 instances;b',
      '2026-02-23;2026-02-23;paid;USD;6,30;;a',
    ]);
  });
});
