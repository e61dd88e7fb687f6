import { formattingLocale } from './locale';

/**
 * Money, for the console and the server alike: amounts are integers in the currency's minor unit
 * (what the contract calls `*_in_cents`: cents of a dollar, yen of a yen, fils of a dinar), and each
 * currency's precision comes from Intl (USD 2, JPY 0, KWD 3), never from a hard-coded 100. Sums are
 * per currency: no function here adds two currencies together.
 */

const digitsCache = new Map<string, number>();

/** The currency's minor-unit digits per Intl (ISO 4217): 2 for USD and EUR, 0 for JPY, 3 for KWD; 2 for a code Intl refuses. */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(code, digits);
  }
  return digits;
}

/** How many minor units make one unit: 100 for USD, 1 for JPY, 1000 for KWD. */
export function minorPerUnit(currency: string): number {
  return 10 ** currencyDigits(currency);
}

/**
 * The amount in units, as a number (the contract's `total`, a chart's axis). Exact for display; sums
 * are made in minor units, never on these.
 */
export function minorToUnits(minor: number, currency: string): number {
  return minor / minorPerUnit(currency);
}

/** Units to minor units, rounded half away from zero to the currency's precision (a price list in units). */
export function unitsToMinor(units: number, currency: string): number {
  const scaled = units * minorPerUnit(currency);
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

/**
 * The amount as a machine-readable decimal, with exactly the currency's digits and a dot: "12.50",
 * "-0.05", "1200" (JPY), "1.250" (KWD). What CSV exports and the Cloud Plans contract carry.
 */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * A machine-readable decimal ("76.00", "6.3", "-12", "1200") in minor units, without floating-point
 * rounding; null when it is not one or has more digits than the currency has.
 */
export function decimalToMinor(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return sign && minor !== 0 ? -minor : minor;
}

const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string, locale: string | undefined): Intl.NumberFormat | null {
  const key = `${locale ?? ''}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      return null;
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * The amount for people, in the locale's way ("$1,234.50", "1 234,50 €", "¥1,200"). `locale`:
 * undefined is the runtime's default; a currency code Intl refuses still shows, as "12.50 XYZ".
 */
export function formatMinor(minor: number, currency: string, locale = formattingLocale()): string {
  const code = currency.toUpperCase();
  const format = currencyFormat(code, locale);
  if (!format) return `${minorToDecimal(minor, code)} ${code}`;
  return format.format(minorToUnits(minor, code));
}

/** The locale's decimal and grouping separators, from Intl. */
function separators(locale: string | undefined): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    decimal: westernDigits(parts.find((part) => part.type === 'decimal')?.value ?? '.'),
    group: westernDigits(parts.find((part) => part.type === 'group')?.value ?? ','),
  };
}

/** Eastern Arabic and Persian digits as ASCII digits, Arabic separators as a dot and a comma. */
function westernDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x6f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',');
}

// A currency part is letters and signs, each run possibly ending in a dot ("US$", "EUR", "د.ك.").
const TYPED_AMOUNT = /^(\()?(-)?((?:[\p{L}\p{Sc}]+\.?)*)(-)?([\d.,]+)((?:[\p{L}\p{Sc}]+\.?)*)(-)?(\))?$/u;

/**
 * An amount a person typed or copied, in minor units: "1,234.50", "1.234,50", "1 234,50 €", "€12",
 * "-3.20 USD", "CHF-1'234.50", "(12.00)", Arabic digits. A currency sign or code may stand before or
 * after the number. When both a dot and a comma appear the last one is the decimal mark; when one
 * mark appears alone it is the decimal mark if it is the locale's or if other than three digits
 * follow it (so "12,5" is 12.50 anywhere, and "1,234" is 1234 in English but 1.234, too precise
 * for euros, in French). Null when it is not an amount or has more decimals than the currency has.
 */
export function parseAmount(text: string, currency: string, locale = formattingLocale()): number | null {
  const normalized = westernDigits(text.normalize('NFKC'))
    .replace(/[\s\u200e\u200f\u061c'\u2019]/g, '')
    .replace(/\u2212/g, '-');
  const match = TYPED_AMOUNT.exec(normalized);
  if (!match) return null;
  const [, open, minusBefore, , minusInside, body = '', , minusAfter, close] = match;
  if (Boolean(open) !== Boolean(close)) return null;
  const minuses = [minusBefore, minusInside, minusAfter].filter(Boolean).length;
  if (minuses > 1 || (open && minuses > 0)) return null;
  const negative = minuses === 1 || Boolean(open);
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let decimalMark: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else {
    const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
    if (mark !== null) {
      const occurrences = body.split(mark).length - 1;
      const after = body.length - body.lastIndexOf(mark) - 1;
      if (occurrences === 1 && (mark === separators(locale).decimal || after !== 3)) decimalMark = mark;
    }
  }
  let integer = body;
  let fraction = '';
  if (decimalMark !== null) {
    const at = body.lastIndexOf(decimalMark);
    integer = body.slice(0, at);
    fraction = body.slice(at + 1);
  }
  const groupMark = decimalMark === '.' ? ',' : decimalMark === ',' ? '.' : null;
  integer = groupMark === null ? integer.replace(/[.,]/g, '') : integer.split(groupMark).join('');
  if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction) || (integer === '' && fraction === '')) return null;
  return decimalToMinor(`${negative ? '-' : ''}${integer || '0'}${fraction ? `.${fraction}` : ''}`, currency);
}

export interface CurrencyTotal {
  /** Upper-case ISO code. */
  currency: string;
  count: number;
  /** Minor units of `currency`. */
  minor: number;
}

/** Orders totals by currency code, so that a list of them does not jump when what it sums changes. */
export function byCurrency(a: { currency: string }, b: { currency: string }): number {
  return a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;
}

/** Sums minor units per currency (codes compared in upper case), never across currencies, sorted by code. */
export function sumByCurrency<T>(items: Iterable<T>, read: (item: T) => { currency: string; minor: number }): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const item of items) {
    const { currency: raw, minor } = read(item);
    const currency = raw.toUpperCase();
    const total = totals.get(currency);
    if (total) {
      total.count += 1;
      total.minor += minor;
    } else {
      totals.set(currency, { currency, count: 1, minor });
    }
  }
  return [...totals.values()].sort(byCurrency);
}
