import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVOICE_STATUSES, type Invoice, type InvoiceStatus } from '@/api/contract';
import { invoiceReference } from '@/api/invoice-reference';
import { billingDay } from '@/lib/billing-calendar';
import { invoiceTotals } from '@/lib/invoice-totals';
import { PERIODS, periodRange, rangeError } from './invoice-periods';
import { DEFAULT_FILTERS, SORT_KEYS, indexInvoices, nextSort, parseInvoiceSearch, selectView, sortOrder, toInvoiceSearch, type InvoiceFilters } from './invoice-view';

const params = (search: string) => new URLSearchParams(search);

/** UTC times: the presets are the billing calendar's, the same in every time zone (the suite also runs under far TZs). */
const utc = (year: number, month: number, day: number, hour = 0, minute = 0) => new Date(Date.UTC(year, month - 1, day, hour, minute));

let sequence = 0;
function invoice(overrides: Partial<Invoice> & { at?: Date }): Invoice {
  sequence += 1;
  const { at, ...rest } = overrides;
  const cents = rest.total_in_cents ?? 10_000;
  return {
    id: `${String(sequence).padStart(8, '0')}-aaaa-4bbb-8ccc-${String(sequence).padStart(12, '0')}`,
    created_at: (at ?? utc(2025, 1, 15, 12)).toISOString(),
    status: 'PAID',
    total_in_cents: cents,
    total: cents / 100,
    currency_code: 'USD',
    ...rest,
  };
}

const filters = (patch: Partial<InvoiceFilters> = {}): InvoiceFilters => ({ ...DEFAULT_FILTERS, ...patch });

describe('the URL search params', () => {
  it('read as the default view when empty, and the default view writes an empty query', () => {
    expect(parseInvoiceSearch(params(''))).toEqual(DEFAULT_FILTERS);
    expect(toInvoiceSearch(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('read the overview’s unpaid link as a comma-separated status list, and write it back identically', () => {
    const parsed = parseInvoiceSearch(params('status=NOT_PAID%2CPAYMENT_DUE'));
    expect(parsed.statuses).toEqual(['NOT_PAID', 'PAYMENT_DUE']);
    expect(toInvoiceSearch(filters({ statuses: ['PAYMENT_DUE', 'NOT_PAID'] })).toString()).toBe('status=NOT_PAID%2CPAYMENT_DUE');
  });

  it('ignore what they do not understand instead of failing the page', () => {
    const parsed = parseInvoiceSearch(params('status=paid,BOGUS,,not_paid&sort=weird&dir=up&period=yesterday&from=2024-02-30'));
    expect(parsed).toEqual({ ...DEFAULT_FILTERS, statuses: ['NOT_PAID', 'PAID'] });
  });

  it('treat from/to without a period as a custom range, and drop them under a preset', () => {
    expect(parseInvoiceSearch(params('from=2024-01-01'))).toMatchObject({ period: 'custom', from: '2024-01-01', to: null });
    expect(parseInvoiceSearch(params('period=this-year&from=2024-01-01&to=2024-03-01'))).toMatchObject({ period: 'this-year', from: null, to: null });
  });

  it('give each sort its natural direction unless the URL says otherwise', () => {
    expect(parseInvoiceSearch(params('sort=status'))).toMatchObject({ sort: 'status', direction: 'asc' });
    expect(parseInvoiceSearch(params('sort=amount'))).toMatchObject({ sort: 'amount', direction: 'desc' });
    expect(parseInvoiceSearch(params('sort=amount&dir=asc'))).toMatchObject({ sort: 'amount', direction: 'asc' });
    expect(toInvoiceSearch(filters({ sort: 'amount', direction: 'desc' })).toString()).toBe('sort=amount');
    expect(toInvoiceSearch(filters({ sort: 'date', direction: 'asc' })).toString()).toBe('dir=asc');
  });

  it('keep parameters that are not the list’s own', () => {
    const written = toInvoiceSearch(filters({ query: 'abc' }), params('utm=mail&q=old&status=PAID'));
    expect(written.get('utm')).toBe('mail');
    expect(written.get('q')).toBe('abc');
    expect(written.has('status')).toBe(false);
  });

  it('round-trip any view: what is written reads back the same', () => {
    const day = fc.date({ min: utc(2000, 1, 1), max: utc(2099, 12, 31), noInvalidDate: true }).map(billingDay);
    const view = fc
      .record({
        statuses: fc.uniqueArray(fc.constantFrom(...INVOICE_STATUSES)),
        period: fc.option(fc.constantFrom(...PERIODS), { nil: null }),
        from: fc.option(day, { nil: null }),
        to: fc.option(day, { nil: null }),
        query: fc.string({ maxLength: 100 }).filter((query) => query.trim() !== ''),
        sort: fc.constantFrom(...SORT_KEYS),
        direction: fc.constantFrom('asc' as const, 'desc' as const),
      })
      .map((value) => ({
        ...value,
        statuses: INVOICE_STATUSES.filter((status) => value.statuses.includes(status)),
        from: value.period === 'custom' ? value.from : null,
        to: value.period === 'custom' ? value.to : null,
      }));
    fc.assert(
      fc.property(view, (value) => {
        expect(parseInvoiceSearch(toInvoiceSearch(value))).toEqual(value);
      }),
    );
  });
});

describe('sorting by a column', () => {
  it('flips the direction of the current column and starts another in its natural direction', () => {
    expect(nextSort(filters(), 'date')).toEqual({ sort: 'date', direction: 'asc' });
    expect(nextSort(filters({ sort: 'date', direction: 'asc' }), 'date')).toEqual({ sort: 'date', direction: 'desc' });
    expect(nextSort(filters(), 'amount')).toEqual({ sort: 'amount', direction: 'desc' });
    expect(nextSort(filters(), 'status')).toEqual({ sort: 'status', direction: 'asc' });
  });
});

describe('date presets, in the billing calendar (UTC)', () => {
  const range = (period: InvoiceFilters['period'], now: Date, from: string | null = null, to: string | null = null) => periodRange({ period, from, to }, now);

  it('this month and this year run from their first midnight UTC to the next period’s', () => {
    expect(range('this-month', utc(2025, 5, 10, 15))).toEqual({ start: utc(2025, 5, 1), end: utc(2025, 6, 1) });
    expect(range('this-month', utc(2025, 12, 31, 23, 59))).toEqual({ start: utc(2025, 12, 1), end: utc(2026, 1, 1) });
    expect(range('this-year', utc(2025, 5, 10))).toEqual({ start: utc(2025, 1, 1), end: utc(2026, 1, 1) });
    expect(range('last-year', utc(2025, 1, 1, 0, 1))).toEqual({ start: utc(2024, 1, 1), end: utc(2025, 1, 1) });
  });

  it('last quarter is the previous calendar quarter, across the new year too', () => {
    expect(range('last-quarter', utc(2025, 5, 10))).toEqual({ start: utc(2025, 1, 1), end: utc(2025, 4, 1) });
    expect(range('last-quarter', utc(2025, 4, 1))).toEqual({ start: utc(2025, 1, 1), end: utc(2025, 4, 1) });
    expect(range('last-quarter', utc(2025, 3, 31, 23))).toEqual({ start: utc(2024, 10, 1), end: utc(2025, 1, 1) });
    expect(range('last-quarter', utc(2025, 2, 10))).toEqual({ start: utc(2024, 10, 1), end: utc(2025, 1, 1) });
    expect(range('last-quarter', utc(2025, 12, 31))).toEqual({ start: utc(2025, 7, 1), end: utc(2025, 10, 1) });
  });

  it('a custom range includes both of its days and may be open on one side', () => {
    expect(range('custom', utc(2025, 5, 10), '2024-01-01', '2024-01-31')).toEqual({ start: utc(2024, 1, 1), end: utc(2024, 2, 1) });
    expect(range('custom', utc(2025, 5, 10), '2024-01-01', null)).toEqual({ start: utc(2024, 1, 1), end: null });
    expect(range('custom', utc(2025, 5, 10), null, '2024-12-31')).toEqual({ start: null, end: utc(2025, 1, 1) });
  });

  it('a reversed custom range is reported and shows nothing rather than everything', () => {
    expect(rangeError({ period: 'custom', from: '2024-02-01', to: '2024-01-01' })).toBe('The start date is after the end date.');
    expect(range('custom', utc(2025, 5, 10), '2024-02-01', '2024-01-01')).toBeNull();
    expect(rangeError({ period: 'custom', from: '2024-01-01', to: '2024-01-01' })).toBeNull();
    const all = indexInvoices([invoice({ at: utc(2024, 1, 15) }), invoice({ at: utc(2025, 1, 15) })]);
    expect(selectView(all, filters({ period: 'custom', from: '2024-02-01', to: '2024-01-01' }), utc(2025, 5, 10))).toEqual({
      invoices: [],
      totals: { paid: [], outstanding: [], open: [], notCounted: [] },
    });
    expect(selectView(all, filters({ period: 'custom', from: '2024-01-01', to: '2024-01-31' }), utc(2025, 5, 10)).invoices).toHaveLength(1);
  });
});

describe('the view', () => {
  const now = utc(2025, 5, 10, 12);

  it('filters by several statuses at once', () => {
    const all = [invoice({ status: 'PAID' }), invoice({ status: 'NOT_PAID' }), invoice({ status: 'PAYMENT_DUE' }), invoice({ status: 'VOIDED' })];
    const view = selectView(indexInvoices(all), filters({ statuses: ['NOT_PAID', 'PAYMENT_DUE'] }), now).invoices;
    expect(view.map((item) => item.status).sort()).toEqual(['NOT_PAID', 'PAYMENT_DUE']);
    expect(selectView(indexInvoices(all), filters(), now).invoices).toHaveLength(4);
  });

  it('keeps an invoice issued at the period’s first midnight UTC and drops one at the next period’s', () => {
    const first = invoice({ at: utc(2024, 1, 1) });
    const last = invoice({ at: utc(2024, 12, 31, 23, 59) });
    const next = invoice({ at: utc(2025, 1, 1) });
    const before = invoice({ at: utc(2023, 12, 31, 23, 59) });
    const view = selectView(indexInvoices([first, last, next, before]), filters({ period: 'last-year' }), now).invoices;
    expect(view.map((item) => item.id).sort()).toEqual([first.id, last.id].sort());
  });

  it('searches the full id, its short form and the amount the way people type it', () => {
    const big = invoice({ total_in_cents: 123_456, currency_code: 'EUR' });
    const small = invoice({ total_in_cents: 35_880 });
    const index = indexInvoices([big, small]);
    const search = (query: string) => selectView(index, filters({ query }), now).invoices.map((item) => item.id);
    expect(search(big.id.toUpperCase())).toEqual([big.id]);
    expect(search(` ${invoiceReference(small.id)} `)).toEqual([small.id]);
    expect(search('358.80')).toEqual([small.id]);
    expect(search('$358.8')).toEqual([small.id]);
    expect(search('358,80')).toEqual([small.id]);
    expect(search('1,234.56')).toEqual([big.id]);
    expect(search('1.234,56 €')).toEqual([big.id]);
    expect(search('1 234,56')).toEqual([big.id]);
    expect(search('eur')).toEqual([big.id]);
    expect(search('999.99')).toEqual([]);
  });

  it('matches amounts from their start and takes a currency sign or code as a condition', () => {
    const dollars = invoice({ total_in_cents: 32_880 });
    const small = invoice({ total_in_cents: 2_880 });
    const euros = invoice({ total_in_cents: 54_000, currency_code: 'EUR' });
    const index = indexInvoices([dollars, small, euros]);
    const search = (query: string) => selectView(index, filters({ query }), now).invoices.map((item) => item.id);
    expect(search('$28.80')).toEqual([small.id]);
    expect(search('28.80')).toEqual([small.id]);
    expect(search('328')).toEqual([dollars.id]);
    expect(search('€540')).toEqual([euros.id]);
    expect(search('$540')).toEqual([]);
    expect(search('USD 540')).toEqual([]);
    expect(search('eur 540')).toEqual([euros.id]);
    expect(search('540 EUR')).toEqual([euros.id]);
    expect(search('usd')).toEqual([dollars.id, small.id]);
    expect(search('£28.80')).toEqual([]);
    // Ids are still found from anywhere in them.
    expect(search(euros.id.slice(-5))).toEqual([euros.id]);
  });

  it('searches amounts with each currency’s own digits: yen have none, dinars three', () => {
    const yen = invoice({ total_in_cents: 1_200, currency_code: 'JPY' });
    const dinars = invoice({ total_in_cents: 1_250, currency_code: 'KWD' });
    const index = indexInvoices([yen, dinars]);
    const search = (query: string) => selectView(index, filters({ query }), now).invoices.map((item) => item.id);
    expect(search('1200')).toEqual([yen.id]);
    expect(search('¥1,200')).toEqual([yen.id]);
    expect(search('12.00')).toEqual([]);
    expect(search('1.250')).toEqual([dinars.id]);
    expect(search('KWD 1,25')).toEqual([dinars.id]);
  });

  it('sums the view per currency, never across currencies: paid, outstanding and open apart', () => {
    const all = [
      invoice({ currency_code: 'USD', total_in_cents: 35_880, status: 'NOT_PAID' }),
      invoice({ currency_code: 'EUR', total_in_cents: 54_000, status: 'PAYMENT_DUE' }),
      invoice({ currency_code: 'usd', total_in_cents: 2_880, status: 'PAYMENT_DUE' }),
      invoice({ currency_code: 'GBP', total_in_cents: 999, status: 'PAID' }),
      invoice({ currency_code: 'USD', total_in_cents: 1_000, status: 'POSTED' }),
    ];
    expect(selectView(indexInvoices(all), filters({ statuses: ['NOT_PAID', 'PAYMENT_DUE'] }), now).totals).toEqual({
      paid: [],
      outstanding: [
        { currency: 'EUR', count: 1, minor: 54_000 },
        { currency: 'USD', count: 2, minor: 38_760 },
      ],
      open: [],
      notCounted: [],
    });
    expect(selectView(indexInvoices(all), filters(), now).totals).toMatchObject({
      paid: [{ currency: 'GBP', count: 1, minor: 999 }],
      open: [{ currency: 'USD', count: 1, minor: 1_000 }],
    });
    expect(selectView(indexInvoices(all), filters({ query: 'no such invoice' }), now).totals).toEqual({ paid: [], outstanding: [], open: [], notCounted: [] });
  });

  it('never adds a voided, pending or unknown invoice to a total, and counts them instead', () => {
    const paid = invoice({ total_in_cents: 10_000, status: 'PAID' });
    const voided = [invoice({ total_in_cents: 99_900, status: 'VOIDED' }), invoice({ total_in_cents: 50_000, status: 'VOIDED' })];
    const draft = invoice({ total_in_cents: 29_900, status: 'PENDING' });
    const unknown = invoice({ total_in_cents: 1, status: 'UNKNOWN' });
    const { totals } = selectView(indexInvoices([paid, ...voided, draft, unknown]), filters(), now);
    expect(totals).toEqual({
      paid: [{ currency: 'USD', count: 1, minor: 10_000 }],
      outstanding: [],
      open: [],
      notCounted: [
        { status: 'VOIDED', count: 2 },
        { status: 'PENDING', count: 1 },
        { status: 'UNKNOWN', count: 1 },
      ],
    });
    // Filtered to void invoices only, there is still nothing to add up.
    expect(selectView(indexInvoices([paid, ...voided]), filters({ statuses: ['VOIDED'] }), now).totals).toEqual({
      paid: [],
      outstanding: [],
      open: [],
      notCounted: [{ status: 'VOIDED', count: 2 }],
    });
  });

  it('adds up the same in the one-pass view as the selection’s totals do, for any invoices', () => {
    const anyInvoice = fc.record({
      status: fc.constantFrom(...INVOICE_STATUSES),
      currency_code: fc.constantFrom('USD', 'usd', 'EUR', 'JPY', 'KWD'),
      total_in_cents: fc.integer({ min: -1_000_000, max: 100_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(anyInvoice, { maxLength: 40 }), (specs) => {
        const { invoices, totals } = selectView(indexInvoices(specs.map((spec) => invoice(spec))), filters(), now);
        expect(totals).toEqual(invoiceTotals(invoices));
      }),
    );
  });

  it('sorts by date, amount and status in both directions, with stable tie-breaks', () => {
    const old = invoice({ at: utc(2024, 3, 1), total_in_cents: 500, status: 'PAID' });
    const recent = invoice({ at: utc(2025, 3, 1), total_in_cents: 500, status: 'NOT_PAID' });
    const middle = invoice({ at: utc(2024, 9, 1), total_in_cents: 90_000, status: 'PAYMENT_DUE' });
    const voided = invoice({ at: utc(2024, 10, 1), total_in_cents: 100, status: 'VOIDED' });
    const index = indexInvoices([old, recent, middle, voided]);
    const ids = (sort: InvoiceFilters['sort'], direction: InvoiceFilters['direction']) => selectView(index, filters({ sort, direction }), now).invoices.map((item) => item.id);
    expect(ids('date', 'desc')).toEqual([recent.id, voided.id, middle.id, old.id]);
    expect(ids('date', 'asc')).toEqual([old.id, middle.id, voided.id, recent.id]);
    // Equal amounts: newest first in both directions.
    expect(ids('amount', 'desc')).toEqual([middle.id, recent.id, old.id, voided.id]);
    expect(ids('amount', 'asc')).toEqual([voided.id, recent.id, old.id, middle.id]);
    // Most urgent first: failed, due, …, paid, void.
    expect(ids('status', 'asc')).toEqual([recent.id, middle.id, old.id, voided.id]);
    expect(ids('status', 'desc')).toEqual([voided.id, old.id, middle.id, recent.id]);
  });

  it('computes each sort order once and reuses it for every filter', () => {
    const index = indexInvoices([invoice({}), invoice({})]);
    const first = sortOrder(index, 'amount', 'desc');
    selectView(index, filters({ sort: 'amount', query: 'x' }), now);
    expect(sortOrder(index, 'amount', 'desc')).toBe(first);
  });

  it('filters and sorts 10,000 invoices the same way a plain filter-then-sort does', () => {
    const statuses: InvoiceStatus[] = [...INVOICE_STATUSES];
    const many = Array.from({ length: 10_000 }, (_, i) =>
      invoice({ at: new Date(utc(2021, 1, 1).getTime() + ((i * 7919) % 1825) * 86_400_000), total_in_cents: (i * 104_729) % 500_000, status: statuses[i % 7] ?? 'PAID' }),
    );
    const { invoices: view, totals } = selectView(indexInvoices(many), filters({ statuses: ['PAID', 'POSTED'], sort: 'amount', direction: 'asc', period: 'last-year' }), now);
    const start = utc(2024, 1, 1).getTime();
    const end = utc(2025, 1, 1).getTime();
    const expected = many
      .filter((item) => (item.status === 'PAID' || item.status === 'POSTED') && Date.parse(item.created_at) >= start && Date.parse(item.created_at) < end)
      .sort((a, b) => a.total_in_cents - b.total_in_cents || Date.parse(b.created_at) - Date.parse(a.created_at) || many.indexOf(a) - many.indexOf(b));
    expect(view.length).toBeGreaterThan(100);
    expect(view.map((item) => item.id)).toEqual(expected.map((item) => item.id));
    const sum = (status: InvoiceStatus) => expected.filter((item) => item.status === status).reduce((total, item) => total + item.total_in_cents, 0);
    const count = (status: InvoiceStatus) => expected.filter((item) => item.status === status).length;
    expect(totals).toEqual({
      paid: [{ currency: 'USD', count: count('PAID'), minor: sum('PAID') }],
      outstanding: [],
      open: [{ currency: 'USD', count: count('POSTED'), minor: sum('POSTED') }],
      notCounted: [],
    });
  });
});

describe('references', () => {
  it('find an invoice as the list shows it, with or without INV-, in any case, and by its id still', () => {
    const target = invoice({ id: '6511c830-b047-4506-a368-790d3f3a31fc' });
    const other = invoice({ id: '6511c831-0000-4000-8000-000000000000' });
    const index = indexInvoices([target, other]);
    const search = (query: string) => selectView(index, filters({ query }), utc(2025, 5, 10)).invoices.map((item) => item.id);
    expect(invoiceReference(target.id)).toBe('INV-6511C830B0');
    for (const query of ['INV-6511C830B0', 'inv-6511c830b0', '6511C830B0', 'inv 6511c830b0', 'INV6511C830B0', 'C830B0', '6511c830-b047', target.id.toUpperCase()]) {
      expect(search(query), query).toEqual([target.id]);
    }
    expect(search('INV-6511C83')).toEqual([target.id, other.id]);
    expect(search('INV-6511C830B1')).toEqual([]);
  });
});
