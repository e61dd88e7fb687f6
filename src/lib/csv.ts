import { formattingLocale } from './locale';
import { billingDay } from './billing-calendar';
import { minorToDecimal } from './money';

/**
 * CSV as a spreadsheet opens it, for every CSV the product writes (invoices, subscription history,
 * usage reports): a UTF-8 byte order mark (without it Excel reads UTF-8 as the system's code page and
 * garbles "Société"), a header line, CRLF line ends, dates as YYYY-MM-DD and amounts in units with
 * the currency's own precision. The separator is the one the user's spreadsheet expects: a comma, or a
 * semicolon where the decimal mark is a comma (Excel in France, Germany, Spain...), and then amounts
 * take a decimal comma too, so that such a spreadsheet reads them as numbers.
 */

export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

export function isCsvSeparator(value: unknown): value is CsvSeparator {
  return CSV_SEPARATORS.some((separator) => separator === value);
}

/** What a spreadsheet in `locale` splits columns on: a semicolon where numbers use a decimal comma, else a comma. */
export function defaultCsvSeparator(locale = formattingLocale()): CsvSeparator {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

const BOM = '\uFEFF';

/**
 * One CSV cell (RFC 4180): quoted when it holds the separator, a quote or a line break, its quotes
 * doubled. Text a spreadsheet would run as a formula (first character = + - @, a tab or a carriage
 * return) gets an apostrophe in front (OWASP CSV injection); a plain number, minus sign included,
 * stays a number.
 */
export function csvCell(value: string | number, separator: CsvSeparator = ','): string {
  const text = String(value);
  const formula = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+([.,]\d+)?$/.test(text);
  const safe = formula ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: byte order mark, header, one line per row, CRLF after each. */
export function csvDocument(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, separator: CsvSeparator = ','): string {
  const line = (cells: ReadonlyArray<string | number>) => cells.map((cell) => csvCell(cell, separator)).join(separator);
  return BOM + [line(columns), ...rows.map(line)].join('\r\n') + '\r\n';
}

/** A date column: the billing calendar's date (YYYY-MM-DD, UTC) of an instant; text that is not a date is kept as sent. */
export function csvDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : billingDay(time);
}

/** An amount column, in units with the currency's digits: "1234.50", or "1234,50" in a semicolon-separated file. */
export function csvAmount(minor: number, currency: string, separator: CsvSeparator = ','): string {
  const decimal = minorToDecimal(minor, currency);
  return separator === ';' ? decimal.replace('.', ',') : decimal;
}
