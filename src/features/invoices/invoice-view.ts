import { INVOICE_STATUSES, type Invoice, type InvoiceStatus } from '@/api/contract';
import { invoiceReference } from '@/api/invoice-reference';
import { calendarPeriod, dayRange, parseBillingDay, type BillingDay, type BillingRange } from '@/lib/billing-calendar';
import { NOT_COUNTED_ORDER, TOTAL_GROUP_OF, TOTAL_GROUPS, type InvoiceTotals } from '@/lib/invoice-totals';
import { byCurrency, currencyDigits, type CurrencyTotal } from '@/lib/money';
import { compareSorted, NATURAL_DIRECTION, nextSort as nextSortOf, parseSort, writeSort, type SortDirection } from '@/lib/list-sort';
import { INVOICE_STATUS_INFO } from './invoice-status';

/**
 * The invoice list's view: filters and sort as they live in the URL, and the pure functions that turn
 * the organization's invoices into what the table shows. Everything here is synchronous and cheap
 * enough for 10,000 invoices within a frame: sort orders are computed once per sort and reused, and
 * each filter change is one pass over a presorted order.
 *
 * Dates are the billing calendar's (UTC, src/lib/billing-calendar.ts): an invoice's date is the one on
 * its PDF, and "this month" or a custom range selects the same invoices in every time zone.
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
  /** Custom range bounds as billing days (YYYY-MM-DD, UTC), both inclusive; either may be open. */
  from: BillingDay | null;
  to: BillingDay | null;
  query: string;
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_FILTERS: InvoiceFilters = { statuses: [], period: null, from: null, to: null, query: '', sort: 'date', direction: 'desc' };

export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = NATURAL_DIRECTION;

const MAX_QUERY_LENGTH = 100;

function isPeriod(value: string | null): value is Period {
  return PERIODS.some((period) => period === value);
}

/**
 * Reads the filters from the URL. Anything unknown or malformed is ignored rather than refused: a
 * shared link that is slightly off still opens the list. `status` is a comma-separated list
 * (the overview links to ?status=NOT_PAID%2CPAYMENT_DUE).
 */
export function parseInvoiceSearch(params: URLSearchParams): InvoiceFilters {
  const wanted = new Set((params.get('status') ?? '').split(',').map((status) => status.trim().toUpperCase()));
  const statuses = INVOICE_STATUSES.filter((status) => wanted.has(status));
  const from = parseBillingDay(params.get('from'));
  const to = parseBillingDay(params.get('to'));
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

export function rangeError(filters: Pick<InvoiceFilters, 'period' | 'from' | 'to'>): string | null {
  if (filters.period === 'custom' && filters.from && filters.to && filters.from > filters.to) return 'The start date is after the end date.';
  return null;
}

/**
 * The period as UTC instants [start, end) of the billing calendar, around `now` (whose UTC day is
 * "today"): see calendarPeriod for the presets. A custom range includes both of its days. Null: no
 * date filter (no period, or an invalid custom range, which selectView turns into an empty view and
 * the form reports).
 */
export function periodRange(filters: Pick<InvoiceFilters, 'period' | 'from' | 'to'>, now: Date): BillingRange | null {
  switch (filters.period) {
    case null:
      return null;
    case 'custom':
      if (rangeError(filters) || (!filters.from && !filters.to)) return null;
      return dayRange(filters.from, filters.to);
    default:
      return calendarPeriod(filters.period, now);
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
 * currency a condition too, so "€540" finds no USD invoice. `known`: the currencies in the list.
 */
export function parseSearch(query: string, known: readonly string[]): InvoiceSearch {
  let text = query.toLowerCase().replace(/\s/g, '');
  const id = text.replace(REFERENCE_PREFIX, 'inv-');
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
  /** The lower-case id and reference, one per line, for the search. */
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
  const digits: number[] = [];
  const ids: string[] = new Array<string>(count);
  const amounts: string[] = new Array<string>(count);
  invoices.forEach((invoice, i) => {
    const currency = invoice.currency_code.toUpperCase();
    let position = currencyPositions.get(currency);
    if (position === undefined) {
      position = currencies.push(currency) - 1;
      currencyPositions.set(currency, position);
      digits.push(currencyDigits(currency));
    }
    times[i] = Date.parse(invoice.created_at);
    cents[i] = invoice.total_in_cents;
    ranks[i] = INVOICE_STATUS_INFO[invoice.status].rank;
    statusIndex[i] = INVOICE_STATUSES.indexOf(invoice.status);
    currencyIndex[i] = position;
    ids[i] = `${invoice.id}\n${invoiceReference(invoice.id)}`.toLowerCase();
    amounts[i] = amountSearchText(invoice.total_in_cents, digits[position] ?? 2);
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
  /** What they add up to: paid, outstanding and open per currency (never across currencies), and what is left out. */
  totals: InvoiceTotals;
}

export const NO_TOTALS: InvoiceTotals = { paid: [], outstanding: [], open: [], notCounted: [] };

// Per status: where its amounts add up (an index into TOTAL_GROUPS), or -1 for none.
const GROUP_INDEX = Int8Array.from(INVOICE_STATUSES, (status) => {
  const group = TOTAL_GROUP_OF[status];
  return group === null ? -1 : TOTAL_GROUPS.indexOf(group);
});

/**
 * The view in one pass over the sort's order, summing on the way in typed arrays: the same totals
 * as invoiceTotals (src/lib/invoice-totals.ts) gives for the view's invoices, without a second pass.
 */
export function selectView(index: InvoiceIndex, filters: InvoiceFilters, now: Date): InvoiceView {
  // A range that ends before it starts matches no day: the list shows nothing while the form says why,
  // rather than every invoice under a filter that looks applied.
  if (rangeError(filters)) return { invoices: [], totals: NO_TOTALS };
  const order = sortOrder(index, filters.sort, filters.direction);
  const allowed = new Array<boolean>(INVOICE_STATUSES.length).fill(filters.statuses.length === 0);
  for (const status of filters.statuses) allowed[INVOICE_STATUSES.indexOf(status)] = true;
  const range = periodRange(filters, now);
  const start = range?.start?.getTime() ?? -Infinity;
  const end = range?.end?.getTime() ?? Infinity;
  const search = filters.query.trim() ? parseSearch(filters.query, index.currencies) : null;
  const amountNeedle = search?.amount === null || search === null ? null : `\n${search.amount}`;
  const currencyAllowed = index.currencies.map((currency) => !search?.currencies || search.currencies.includes(currency));
  const width = index.currencies.length;
  // Group g, currency c at g * width + c.
  const counts = new Uint32Array(TOTAL_GROUPS.length * width);
  const sums = new Float64Array(TOTAL_GROUPS.length * width);
  const statusCounts = new Uint32Array(INVOICE_STATUSES.length);
  const invoices: Invoice[] = [];
  for (const i of order) {
    const status = index.statusIndex[i] ?? 0;
    if (!allowed[status]) continue;
    const time = index.times[i] ?? 0;
    if (time < start || time >= end) continue;
    if (search && !index.ids[i]?.includes(search.id) && !(amountNeedle !== null && currencyAllowed[index.currencyIndex[i] ?? 0] && index.amounts[i]?.includes(amountNeedle))) continue;
    const invoice = index.invoices[i];
    if (!invoice) continue;
    invoices.push(invoice);
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    const group = GROUP_INDEX[status] ?? -1;
    if (group < 0) continue;
    const cell = group * width + (index.currencyIndex[i] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
    sums[cell] = (sums[cell] ?? 0) + (index.cents[i] ?? 0);
  }
  const groupTotals = (group: number): CurrencyTotal[] =>
    index.currencies
      .map((currency, position) => ({ currency, count: counts[group * width + position] ?? 0, minor: sums[group * width + position] ?? 0 }))
      .filter((total) => total.count > 0)
      .sort(byCurrency);
  const [paid, outstanding, open] = TOTAL_GROUPS.map((_, group) => groupTotals(group));
  const notCounted = NOT_COUNTED_ORDER.map((status) => ({ status, count: statusCounts[INVOICE_STATUSES.indexOf(status)] ?? 0 })).filter((entry) => entry.count > 0);
  return { invoices, totals: { paid: paid ?? [], outstanding: outstanding ?? [], open: open ?? [], notCounted } };
}
