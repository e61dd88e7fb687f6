/**
 * One CSV cell (RFC 4180), for every CSV the product writes (invoices, subscription history, usage
 * reports): quoted when it holds a comma, a quote or a line break, its quotes doubled. Text a
 * spreadsheet would run as a formula (first character = + - @, a tab or a carriage return) gets an
 * apostrophe in front (OWASP CSV injection); a plain number, minus sign included, stays a number.
 */
export function csvCell(value: string | number): string {
  const text = String(value);
  const formula = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text);
  const safe = formula ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
