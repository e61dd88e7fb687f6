import { describe, expect, it } from 'vitest';
import { csvCell, historyCsv } from './history-csv';

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

  it('quotes separators and defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("http://evil.test")')).toBe(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('76.00')).toBe('76.00');
  });
});
