import { describe, expect, it } from 'vitest';
import { csvAmount, csvCell, csvDate, csvDocument, defaultCsvSeparator } from './csv';

describe('csvCell', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    for (const payload of ['=HYPERLINK("http://evil")', '+1 555 0100', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(payload).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('USD')).toBe('USD');
  });

  it('keeps plain numbers, a minus sign included, as numbers', () => {
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('76.00')).toBe('76.00');
    expect(csvCell(-1250)).toBe('-1250');
  });

  it('quotes cells with commas, quotes or line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://evil.test")')).toBe(`"'=HYPERLINK(""http://evil.test"")"`);
  });
});

describe('amounts, dates and layout', () => {
  it('write amounts in units with the currency’s digits, with a decimal comma beside semicolons', () => {
    expect(csvAmount(-1_250, 'USD')).toBe('-12.50');
    expect(csvAmount(5, 'USD')).toBe('0.05');
    expect(csvAmount(1_200, 'JPY')).toBe('1200');
    expect(csvAmount(1_250, 'KWD', ';')).toBe('1,250');
    expect(csvCell(csvAmount(-1_250, 'EUR', ';'), ';')).toBe('-12,50');
  });

  it('write dates as the billing calendar’s YYYY-MM-DD, keeping text that is not a date', () => {
    expect(csvDate('2026-02-28T23:30:00-05:00')).toBe('2026-03-01');
    expect(csvDate('2026-03-01T00:30:00+14:00')).toBe('2026-02-28');
    expect(csvDate('soon')).toBe('soon');
  });

  it('lay out a byte order mark, a header and CRLF lines, with the separator asked for', () => {
    expect(csvDocument(['a', 'b'], [['x,y', 1]])).toBe('\uFEFFa,b\r\n"x,y",1\r\n');
    expect(csvDocument(['a', 'b'], [['x,y', 'p;q']], ';')).toBe('\uFEFFa;b\r\nx,y;"p;q"\r\n');
  });

  it('default to semicolons where numbers are written with a decimal comma', () => {
    expect(defaultCsvSeparator('en-US')).toBe(',');
    expect(defaultCsvSeparator('fr-FR')).toBe(';');
    expect(defaultCsvSeparator('de-DE')).toBe(';');
    expect(defaultCsvSeparator('ja-JP')).toBe(',');
  });
});
