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

/**
 * The layout of every CSV export in the console: a header line, one line per row, CRLF after each,
 * and no byte order mark (UTF-8 without one is what other tools expect, and the exports must match).
 */
export function csvDocument(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [columns.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** A date as an ISO 8601 UTC instant; text that is not a date is kept as sent. */
export function isoInstant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** Amounts are written by us from integer cents, so their minus sign is a number's, not a formula's. */
export function centsToUnits(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** A decimal amount sent as text ("76.00", "6.3") in integer cents, without float rounding; null when it is not one. */
export function unitsToCents(units: string): number | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(units.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign ? -cents : cents;
}
