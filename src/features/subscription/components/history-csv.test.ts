import { describe, expect, it } from 'vitest';
import { historyCsv } from './history-csv';

describe('history CSV', () => {
  it('writes a header and one CRLF line per entry, in the order given, with a BOM', () => {
    const csv = historyCsv([
      { id: 'b', status: 'unpaid', organization: 'o', date: '2026-03-14T10:00:00.000Z', due_date: '2026-03-23T10:00:00.000Z', amount: '76.00', description: 'Standard plan, 4 instances' },
      { id: 'a', status: 'paid', organization: 'o', date: '2026-02-23T10:00:00.000Z', due_date: '2026-02-23T10:00:00.000Z', amount: '6.33' },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'id,date,due_date,amount,currency,status,description',
      'b,2026-03-14T10:00:00.000Z,2026-03-23T10:00:00.000Z,76.00,USD,unpaid,"Standard plan, 4 instances"',
      'a,2026-02-23T10:00:00.000Z,2026-02-23T10:00:00.000Z,6.33,USD,paid,',
      '',
    ]);
  });
});
