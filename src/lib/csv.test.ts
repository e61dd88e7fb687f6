import { describe, expect, it } from 'vitest';
import { centsToUnits, csvCell, csvDocument, unitsToCents } from './csv';

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

describe('amounts and layout', () => {
  it('writes cents as units and reads decimal text as cents, without float rounding', () => {
    expect(centsToUnits(-1_250)).toBe('-12.50');
    expect(centsToUnits(5)).toBe('0.05');
    expect(unitsToCents('76.00')).toBe(7_600);
    expect(unitsToCents('6.3')).toBe(630);
    expect(unitsToCents('0.29')).toBe(29);
    expect(unitsToCents('-12.5')).toBe(-1_250);
    expect(unitsToCents('12.345')).toBeNull();
    expect(unitsToCents('n/a')).toBeNull();
  });

  it('lays out a header and CRLF lines, without a byte order mark', () => {
    expect(csvDocument(['a', 'b'], [['x,y', 1]])).toBe('a,b\r\n"x,y",1\r\n');
  });
});
