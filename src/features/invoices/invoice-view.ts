import { INVOICE_STATUSES, type Invoice, type InvoiceStatus } from '@/api/contract';
import type { CurrencyTotal } from '@/lib/invoice-totals';
import { compareSorted, NATURAL_DIRECTION, nextSort as nextSortOf, parseSort, writeSort, type SortDirection } from '@/lib/list-sort';
import { INVOICE_STATUS_INFO } from './invoice-status';

/**
 * The invoice list's view: filters and sort as they live in the URL, and the pure functions that turn
 * the organization's invoices into what the table shows. Everything here is synchronous and cheap
 * enough for 10,000 invoices within a frame: sort orders are computed once per sort and reused, and
 * each filter change is one pass over a presorted order.
 */

export const SORT_KEYS = ['date', 'amount', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const PERIODS = ['this-month', 'last-quarter', 'this-year', 'last-year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<Period, string> = {
  'this-month': 'This month',
  'last-quarter': 'Last quarter',
  'this-year': 'This year',
  'last-year': 'Last year',
  custom: 'Custom range',
};

export interface InvoiceFilters {
  /** Empty: every status. Kept in INVOICE_STATUSES order so that equal filters serialize equally. */
  statuses: InvoiceStatus[];
  period: Period | null;
  /** Custom range bounds as local calendar days (YYYY-MM-DD), both inclusive; either may be open. */
  from: string | null;
  to: string | null;
  query: string;
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_FILTERS: InvoiceFilters = { statuses: [], period: null, from: null, to: null, query: '', sort: 'date', direction: 'desc' };

export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = NATURAL_DIRECTION;

const MAX_QUERY_LENGTH = 100;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isPeriod(value: string | null): value is Period {
  return PERIODS.some((period) => period === value);
}

/** A YYYY-MM-DD string naming a real calendar day, or null. */
export function parseDay(value: string | null): string | null {
  const match = DAY.exec(value ?? '');
  if (!match) return null;
  const [, year, month, day] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? (value ?? null) : null;
}

/**
 * Reads the filters from the URL. Anything unknown or malformed is ignored rather than refused: a
 * shared link that is slightly off still opens the list. `status` is a comma-separated list
 * (the overview links to ?status=NOT_PAID%2CPAYMENT_DUE).
 */
export function parseInvoiceSearch(params: URLSearchParams): InvoiceFilters {
  const wanted = new Set((params.get('status') ?? '').split(',').map((status) => status.trim().toUpperCase()));
  const statuses = INVOICE_STATUSES.filter((status) => wanted.has(status));
  const from = parseDay(params.get('from'));
  const to = parseDay(params.get('to'));
  const periodParam = params.get('period');
  const period = isPeriod(periodParam) ? periodParam : from || to ? 'custom' : null;
  const { sort, direction } = parseSort(params, SORT_KEYS, DEFAULT_DIRECTION, DEFAULT_FILTERS.sort);
  return {
    statuses,
    period,
    from: period === 'custom' ? from : null,
    to: period === 'custom' ? to : null,
    query: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    sort,
    direction,
  };
}

const OWN_PARAMS = ['status', 'period', 'from', 'to', 'q'];

/** Writes the filters back, leaving defaults out so that the plain list has a plain URL. Other params are kept. */
export function toInvoiceSearch(filters: InvoiceFilters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of OWN_PARAMS) params.delete(name);
  const statuses = INVOICE_STATUSES.filter((status) => filters.statuses.includes(status));
  if (statuses.length > 0) params.set('status', statuses.join(','));
  if (filters.period) params.set('period', filters.period);
  if (filters.period === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  }
  // Kept as typed (not trimmed) so that the search box and the URL agree while the user types.
  if (filters.query.trim()) params.set('q', filters.query.slice(0, MAX_QUERY_LENGTH));
  writeSort(params, filters, DEFAULT_DIRECTION, DEFAULT_FILTERS.sort);
  return params;
}

export function hasActiveFilters(filters: InvoiceFilters): boolean {
  return filters.statuses.length > 0 || filters.period !== null || filters.query.trim() !== '';
}

export function nextSort(filters: InvoiceFilters, key: SortKey): Pick<InvoiceFilters, 'sort' | 'direction'> {
  return nextSortOf(filters, key, DEFAULT_DIRECTION);
}

/** A half-open interval of instants [start, end); null bounds are open. */
export interface DateRange {
  start: Date | null;
  end: Date | null;
}

function localDay(day: string, offsetDays = 0): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date + offsetDays);
}

export function rangeError(filters: Pick<InvoiceFilters, 'period' | 'from' | 'to'>): string | null {
  if (filters.period === 'custom' && filters.from && filters.to && filters.from > filters.to) return 'The start date is after the end date.';
  return null;
}

/**
 * The period as instants, in the user's time zone (local midnight to local midnight). "Last quarter"
 * is the previous calendar quarter (Q1 = January to March…): on 10 May 2025 it is 1 January to
 * 31 March 2025; on 10 February 2025, 1 October to 31 December 2024. "This month" and "this year"
 * run to the end of the month and year. A custom range includes both of its days. Null: no date filter
 * (no period, or an invalid custom range, which selectView turns into an empty view and the form reports).
 */
export function periodRange(filters: Pick<InvoiceFilters, 'period' | 'from' | 'to'>, now: Date): DateRange | null {
  const year = now.getFullYear();
  const month = now.getMonth();
  switch (filters.period) {
    case null:
      return null;
    case 'this-month':
      return { start: new Date(year, month, 1), end: new Date(year, month + 1, 1) };
    case 'last-quarter': {
      const quarterStart = month - (month % 3);
      return { start: new Date(year, quarterStart - 3, 1), end: new Date(year, quarterStart, 1) };
    }
    case 'this-year':
      return { start: new Date(year, 0, 1), end: new Date(year + 1, 0, 1) };
    case 'last-year':
      return { start: new Date(year - 1, 0, 1), end: new Date(year, 0, 1) };
    case 'custom':
      if (rangeError(filters) || (!filters.from && !filters.to)) return null;
      return { start: filters.from ? localDay(filters.from) : null, end: filters.to ? localDay(filters.to, 1) : null };
  }
}

const countFormat = new Intl.NumberFormat();

/** 10,000 (grouped in the user's locale). */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** "1 invoice", "10,000 invoices". */
export function countLabel(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** The first 8 hex characters of the id: what the list shows, since the contract has no invoice number. */
export function shortId(id: string): string {
  return id.replace(/[^0-9a-z]/gi, '').slice(0, 8).toLowerCase() || id;
}

function groupThousands(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * The ways people type an amount: 1234.5, 1234,50, 1,234.50, 1.234,50. Each form starts a line, so
 * that a search can match amounts from their start: "28.80" finds 28.80, not 328.80.
 */
export function amountSearchText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const integer = String(Math.floor(absolute / 100));
  const fraction = String(absolute % 100).padStart(2, '0');
  return [
    '',
    `${sign}${integer}.${fraction}`,
    `${sign}${integer},${fraction}`,
    `${sign}${groupThousands(integer, ',')}.${fraction}`,
    `${sign}${groupThousands(integer, '.')},${fraction}`,
  ].join('\n');
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
  /** Lower case, without spaces: matched anywhere in the invoice id. */
  id: string;
  /** The amount part, matched from the start of the amount; null when the query is not an amount. */
  amount: string | null;
  /** The currency a sign or a code names (an empty list: a sign of no currency we know); null: any currency. */
  currencies: readonly string[] | null;
}

function currencyPart(text: string, known: readonly string[]): { currencies: readonly string[]; length: number } | null {
  const sign = /^\p{Sc}/u.exec(text)?.[0];
  if (sign) return { currencies: CURRENCY_SIGNS[sign] ?? [], length: sign.length };
  const code = /^[a-z]{3}/.exec(text)?.[0]?.toUpperCase();
  // Only the organization's own currencies: "fed1" and "cafe" are the start of an invoice id.
  if (code && known.includes(code)) return { currencies: [code], length: 3 };
  return null;
}

/**
 * Reads the search box. Ids stay substring matches. An amount matches from its start, in any of the
 * ways people type it; a currency sign or 3-letter code before it (or after it: "1.234,56 €") makes
 * the currency a condition too, so "€540" finds no USD invoice. `known`: the currencies in the list.
 */
export function parseSearch(query: string, known: readonly string[]): InvoiceSearch {
  let text = query.toLowerCase().replace(/\s/g, '');
  const id = text;
  let currencies: readonly string[] | null = null;
  const leading = currencyPart(text, known);
  if (leading) {
    currencies = leading.currencies;
    text = text.slice(leading.length);
  } else {
    const trailing = /(\p{Sc}|[a-z]{3})$/u.exec(text);
    const part = trailing ? currencyPart(trailing[0], known) : null;
    if (trailing && part) {
      currencies = part.currencies;
      text = text.slice(0, trailing.index);
    }
  }
  const amount = /^-?[\d.,]*$/.test(text) && (text !== '' || currencies !== null) ? text : null;
  return { id, amount, currencies };
}

/** The invoices with what sorting and filtering need computed once, in typed arrays, not per comparison. */
export interface InvoiceIndex {
  invoices: readonly Invoice[];
  times: Float64Array;
  cents: Float64Array;
  ranks: Uint8Array;
  statusIndex: Uint8Array;
  /** Index into `currencies` of each invoice's upper-cased currency code. */
  currencyIndex: Uint16Array;
  currencies: readonly string[];
  /** Lower-case ids, for the search. */
  ids: readonly string[];
  /** amountSearchText of each invoice. */
  amounts: readonly string[];
  orders: Map<string, Uint32Array>;
}

export function indexInvoices(invoices: readonly Invoice[]): InvoiceIndex {
  const count = invoices.length;
  const times = new Float64Array(count);
  const cents = new Float64Array(count);
  const ranks = new Uint8Array(count);
  const statusIndex = new Uint8Array(count);
  const currencyIndex = new Uint16Array(count);
  const currencies: string[] = [];
  const currencyPositions = new Map<string, number>();
  const ids: string[] = new Array<string>(count);
  const amounts: string[] = new Array<string>(count);
  invoices.forEach((invoice, i) => {
    const currency = invoice.currency_code.toUpperCase();
    let position = currencyPositions.get(currency);
    if (position === undefined) {
      position = currencies.push(currency) - 1;
      currencyPositions.set(currency, position);
    }
    times[i] = Date.parse(invoice.created_at);
    cents[i] = invoice.total_in_cents;
    ranks[i] = INVOICE_STATUS_INFO[invoice.status].rank;
    statusIndex[i] = INVOICE_STATUSES.indexOf(invoice.status);
    currencyIndex[i] = position;
    ids[i] = invoice.id.toLowerCase();
    amounts[i] = amountSearchText(invoice.total_in_cents);
  });
  return { invoices, times, cents, ranks, statusIndex, currencyIndex, currencies, ids, amounts, orders: new Map() };
}

/**
 * The order of every invoice for one sort, computed the first time it is asked for and then reused.
 * Ties: amount and status fall back to newest first in either direction; the last resort is the
 * order the API listed them in (newest first, then by id), so the result never depends on the engine.
 */
export function sortOrder(index: InvoiceIndex, sort: SortKey, direction: SortDirection): Uint32Array {
  const cacheKey = `${sort}:${direction}`;
  const cached = index.orders.get(cacheKey);
  if (cached) return cached;
  const { times, cents, ranks } = index;
  const primary = sort === 'date' ? times : sort === 'amount' ? cents : ranks;
  const compare = (a: number, b: number) => compareSorted(direction, primary[a] ?? 0, primary[b] ?? 0, times[a] ?? 0, times[b] ?? 0) || a - b;
  const order = Uint32Array.from({ length: index.invoices.length }, (_, i) => i).sort(compare);
  index.orders.set(cacheKey, order);
  return order;
}

export interface InvoiceView {
  /** The invoices the table shows, in its order. */
  invoices: Invoice[];
  /** Their totals per currency (never across currencies), sorted by currency code. */
  totals: CurrencyTotal[];
}

/** The view in one pass over the sort's order, summing per currency on the way. */
export function selectView(index: InvoiceIndex, filters: InvoiceFilters, now: Date): InvoiceView {
  // A range that ends before it starts matches no day: the list shows nothing while the form says why,
  // rather than every invoice under a filter that looks applied.
  if (rangeError(filters)) return { invoices: [], totals: [] };
  const order = sortOrder(index, filters.sort, filters.direction);
  const allowed = new Array<boolean>(INVOICE_STATUSES.length).fill(filters.statuses.length === 0);
  for (const status of filters.statuses) allowed[INVOICE_STATUSES.indexOf(status)] = true;
  const range = periodRange(filters, now);
  const start = range?.start?.getTime() ?? -Infinity;
  const end = range?.end?.getTime() ?? Infinity;
  const search = filters.query.trim() ? parseSearch(filters.query, index.currencies) : null;
  const amountNeedle = search?.amount === null || search === null ? null : `\n${search.amount}`;
  const currencyAllowed = index.currencies.map((currency) => !search?.currencies || search.currencies.includes(currency));
  const counts = new Uint32Array(index.currencies.length);
  const sums = new Float64Array(index.currencies.length);
  const invoices: Invoice[] = [];
  for (const i of order) {
    if (!allowed[index.statusIndex[i] ?? 0]) continue;
    const time = index.times[i] ?? 0;
    if (time < start || time >= end) continue;
    if (search && !index.ids[i]?.includes(search.id) && !(amountNeedle !== null && currencyAllowed[index.currencyIndex[i] ?? 0] && index.amounts[i]?.includes(amountNeedle))) continue;
    const invoice = index.invoices[i];
    if (!invoice) continue;
    invoices.push(invoice);
    const currency = index.currencyIndex[i] ?? 0;
    counts[currency] = (counts[currency] ?? 0) + 1;
    sums[currency] = (sums[currency] ?? 0) + (index.cents[i] ?? 0);
  }
  const totals = index.currencies
    .map((currency, position) => ({ currency, count: counts[position] ?? 0, cents: sums[position] ?? 0 }))
    .filter((total) => total.count > 0)
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  return { invoices, totals };
}
