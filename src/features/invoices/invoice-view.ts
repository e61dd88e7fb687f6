import { INVOICE_STATUSES, type Invoice, type InvoiceStatus } from '@/api/contract';
import { parseBillingDay } from '@/lib/billing-calendar';
import { NOT_COUNTED_ORDER, TOTAL_GROUP_OF, TOTAL_GROUPS, type InvoiceTotals } from '@/lib/invoice-totals';
import { formattingLocale } from '@/lib/i18n';
import { byCurrency, currencyDigits, type CurrencyTotal } from '@/lib/money';
import { compareSorted, NATURAL_DIRECTION, nextSort as nextSortOf, parseSort, writeSort, type SortDirection } from '@/lib/list-sort';
import { isPeriod, periodRange, rangeError, type PeriodFilter } from './invoice-periods';
import { buildSearchIndex, parseSearch, type SearchIndex } from './invoice-search';
import { INVOICE_STATUS_INFO } from './invoice-status';

/**
 * The invoice list's view: filters and sort as they live in the URL, and the pure functions that turn
 * the organization's invoices into what the table shows. Everything here is synchronous and cheap
 * enough for 10,000 invoices within a frame: sort orders are computed once per sort and reused, and
 * each filter change is one pass over a presorted order. Periods are in invoice-periods.ts, the
 * search in invoice-search.ts.
 */

export const SORT_KEYS = ['date', 'amount', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface InvoiceFilters extends PeriodFilter {
  /** Empty: every status. Kept in INVOICE_STATUSES order so that equal filters serialize equally. */
  statuses: InvoiceStatus[];
  query: string;
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_FILTERS: InvoiceFilters = { statuses: [], period: null, from: null, to: null, query: '', sort: 'date', direction: 'desc' };

export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = NATURAL_DIRECTION;

const MAX_QUERY_LENGTH = 100;

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

const countFormats = new Map<string, Intl.NumberFormat>();

/** 10,000 (grouped in the active language's locale). */
export function formatCount(count: number): string {
  const locale = formattingLocale();
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(count);
}

/**
 * The invoices with what sorting, filtering and totals need computed once, in typed arrays, not per
 * comparison. The search's text is built apart, on first use (searchIndexOf).
 */
export interface InvoiceIndex {
  invoices: readonly Invoice[];
  times: Float64Array;
  cents: Float64Array;
  ranks: Uint8Array;
  statusIndex: Uint8Array;
  /** Index into `currencies` of each invoice's upper-cased currency code. */
  currencyIndex: Uint16Array;
  currencies: readonly string[];
  /** The minor-unit digits of each of `currencies`. */
  digits: readonly number[];
  orders: Map<string, Uint32Array>;
  search: SearchIndex | null;
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
  });
  return { invoices, times, cents, ranks, statusIndex, currencyIndex, currencies, digits, orders: new Map(), search: null };
}

/** The search's text of every invoice, built the first time it is asked for (a search, or idle time) and kept. */
export function searchIndexOf(index: InvoiceIndex): SearchIndex {
  index.search ??= buildSearchIndex(index.invoices, (i) => index.digits[index.currencyIndex[i] ?? 0] ?? 2);
  return index.search;
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
  const order = Uint32Array.from({ length: index.invoices.length }, (_, i) => i);
  // The API lists newest first: the default sort is then one pass to check it, not a sort.
  let sorted = true;
  for (let i = 1; i < order.length && sorted; i += 1) sorted = compare(i - 1, i) < 0;
  if (!sorted) order.sort(compare);
  index.orders.set(cacheKey, order);
  return order;
}

/**
 * Every sort order and the search's text, computed ahead, one at a time when the browser is idle
 * (`schedule`: requestIdleCallback or a stand-in; returns its cancel), so that the first click on a
 * column or the first keystroke finds them ready. Returns the cancel of whatever is still to come.
 */
export function prepareInBackground(index: InvoiceIndex, schedule: (work: () => void) => () => void): () => void {
  const steps: Array<() => void> = [() => searchIndexOf(index)];
  for (const sort of SORT_KEYS) for (const direction of ['desc', 'asc'] as const) steps.push(() => sortOrder(index, sort, direction));
  let cancel: () => void = () => undefined;
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    cancel = schedule(() => {
      step();
      next();
    });
  };
  next();
  return () => cancel();
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
  const { ids, amounts } = search ? searchIndexOf(index) : { ids: [], amounts: [] };
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
    if (search && !ids[i]?.includes(search.id) && !(amountNeedle !== null && currencyAllowed[index.currencyIndex[i] ?? 0] && amounts[i]?.includes(amountNeedle))) continue;
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
