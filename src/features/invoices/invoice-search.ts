/**
 * The invoice list's search: what a query means (an id or reference part, or an amount from its
 * start, with or without a currency), and the text each invoice is matched against. That text is
 * built for all invoices only when it is first needed (the first search, or when the browser is
 * idle after the first paint), not before the list can show its first rows.
 */
import { invoiceReference } from '@/api/invoice-reference';
import type { Invoice } from '@/api/contract';
import { formattingLocale } from '@/lib/i18n';

function groupThousands(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * The ways people type an amount: 1234.5, 1234,50, 1,234.50, 1.234,50 (with the currency's own
 * digits: 1200 yen has none). Each form starts a line, so that a search can match amounts from their
 * start: "28.80" finds 28.80, not 328.80. `digits`: the currency's (currencyDigits), looked up once
 * per currency by the caller rather than once per invoice.
 */
export function amountSearchText(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const absolute = Math.abs(Math.trunc(minor));
  const unit = 10 ** digits;
  const integer = String(Math.floor(absolute / unit));
  const fraction = digits === 0 ? '' : String(absolute % unit).padStart(digits, '0');
  const dot = fraction === '' ? '' : `.${fraction}`;
  const comma = fraction === '' ? '' : `,${fraction}`;
  return ['', `${sign}${integer}${dot}`, `${sign}${integer}${comma}`, `${sign}${groupThousands(integer, ',')}${dot}`, `${sign}${groupThousands(integer, '.')}${comma}`].join('\n');
}

/** What a currency sign typed in the search means. "$" is every dollar, since the sign alone does not say which. */
const CURRENCY_SIGNS: Record<string, readonly string[]> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'],
  '€': ['EUR'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
  '₹': ['INR'],
  '₣': ['CHF'],
};

export interface InvoiceSearch {
  /** Lower case, without spaces: matched anywhere in the invoice id or its reference ("inv-6511c830b0"). */
  id: string;
  /** The amount part, matched from the start of the amount; null when the query is not an amount. */
  amount: string | null;
  /** The currency a sign or a code names (an empty list: a sign of no currency we know); null: any currency. */
  currencies: readonly string[] | null;
}

/** A currency as the list shows it, in the search's terms (no spaces, lower case), and the currency it names. */
type CurrencySymbol = readonly [symbol: string, currency: string];

/**
 * The search's text: lower case, without spaces, direction marks (a right-to-left page's amounts
 * carry them: "\u200f$"), or the apostrophes some locales group digits with; with a plain minus.
 */
function searchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200e\u200f\u061c'\u2019]/g, '')
    .replace(/\u2212/g, '-');
}

/**
 * The symbols the list shows for the organization's currencies in the active language, where a
 * sign alone would not say which currency: "us$" (Spanish), "$us" (French), "£gb", "ca$". Longest first.
 */
function currencySymbols(known: readonly string[], locale: string): CurrencySymbol[] {
  const symbols: CurrencySymbol[] = [];
  for (const currency of known) {
    try {
      const shown = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((part) => part.type === 'currency')?.value ?? '';
      const symbol = searchText(shown);
      if (symbol.length > 1 && /\p{Sc}/u.test(symbol)) symbols.push([symbol, currency]);
    } catch {
      // A code Intl refuses is shown as the code, which currencyPart reads.
    }
  }
  return symbols.sort((a, b) => b[0].length - a[0].length);
}

function currencyPart(text: string, known: readonly string[]): { currencies: readonly string[]; length: number } | null {
  const sign = /^\p{Sc}/u.exec(text)?.[0];
  if (sign) return { currencies: CURRENCY_SIGNS[sign] ?? [], length: sign.length };
  const code = /^[a-z]{3}/.exec(text)?.[0]?.toUpperCase();
  // Only the organization's own currencies: "fed1" and "cafe" are the start of an invoice id.
  if (code && known.includes(code)) return { currencies: [code], length: 3 };
  return null;
}

// "INV 6511", "inv6511" and "INV-6511" all mean the reference as the list shows it.
const REFERENCE_PREFIX = /^inv-?(?=[0-9a-z])/;

/**
 * Reads the search box. Ids and references stay substring matches: "INV-6511C830B0", "6511c830b0"
 * and "6511c830-b047" find the same invoice. An amount matches from its start, in any of the ways
 * people type it; a currency sign or 3-letter code before it (or after it: "1.234,56 €") makes the
 * currency a condition too, so "€540" finds no USD invoice. An amount copied from the list is found
 * in every language (`locale`: the list's), "1 234,50 $US" and "‏1,234.50 ‏$" included. `known`:
 * the currencies in the list.
 */
export function parseSearch(query: string, known: readonly string[], locale = formattingLocale()): InvoiceSearch {
  let text = searchText(query);
  const id = text.replace(REFERENCE_PREFIX, 'inv-');
  let currencies: readonly string[] | null = null;
  // A minus goes before the currency in most languages ("-$28.80", "-US$28.80"): set aside while it is read.
  const minus = text.startsWith('-') ? '-' : '';
  text = text.slice(minus.length);
  const symbols = currencySymbols(known, locale);
  const shownBefore = symbols.find(([symbol]) => text.startsWith(symbol));
  const shownAfter = symbols.find(([symbol]) => text.endsWith(symbol) && text.length > symbol.length);
  const leading = shownBefore ? { currencies: [shownBefore[1]], length: shownBefore[0].length } : currencyPart(text, known);
  if (leading) {
    currencies = leading.currencies;
    text = text.slice(leading.length);
  } else if (shownAfter) {
    currencies = [shownAfter[1]];
    text = text.slice(0, -shownAfter[0].length);
  } else {
    const trailing = /(\p{Sc}|[a-z]{3})$/u.exec(text);
    const part = trailing ? currencyPart(trailing[0], known) : null;
    if (trailing && part) {
      currencies = part.currencies;
      text = text.slice(0, trailing.index);
    }
  }
  text = minus + text;
  const amount = /^-?[\d.,]*$/.test(text) && (text !== '' || currencies !== null) ? text : null;
  return { id, amount, currencies };
}

/** The text each invoice is searched in, in the list's order. */
export interface SearchIndex {
  /** The lower-case id and reference, one per line. */
  ids: readonly string[];
  /** amountSearchText of each invoice. */
  amounts: readonly string[];
}

/** `digitsOf(i)`: the digits of invoice i's currency, looked up once per currency by the caller. */
export function buildSearchIndex(invoices: readonly Invoice[], digitsOf: (i: number) => number): SearchIndex {
  const ids = new Array<string>(invoices.length);
  const amounts = new Array<string>(invoices.length);
  invoices.forEach((invoice, i) => {
    ids[i] = `${invoice.id}\n${invoiceReference(invoice.id)}`.toLowerCase();
    amounts[i] = amountSearchText(invoice.total_in_cents, digitsOf(i));
  });
  return { ids, amounts };
}
