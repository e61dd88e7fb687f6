import { defaultRangeExtractor, elementScroll, observeElementRect, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useSyncExternalStore, type ChangeEvent, type FocusEvent } from 'react';
import { Link } from 'react-router';
import type { Invoice } from '@/api/contract';
import { invoiceReference } from '@/api/invoice-reference';
import { cn } from '@/components/ui/cn';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import { richText } from '@/lib/rich-text';
import type { InvoiceFilters, SortKey } from '../invoice-view';
import { useInvoicesMessages } from '../messages';
import { DownloadPdfButton } from './download-pdf-button';
import { InvoiceStatusBadge } from './invoice-status-badge';

const WIDE = '(min-width: 640px)';

function subscribeWide(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function isWide(): boolean {
  return typeof window.matchMedia !== 'function' || window.matchMedia(WIDE).matches;
}

/**
 * Fixed row heights per layout (one line from 640 px, two lines below) let the virtualizer place
 * 10,000 rows without measuring any of them.
 */
const LAYOUT = {
  wide: { header: 44, row: 52 },
  narrow: { header: 60, row: 68 },
};

// One grid for the header and the rows. Below 640 px a row folds onto two lines; the cells keep their
// reading order (select, invoice, date, status, amount, actions) and only their place changes.
const GRID =
  'grid items-center gap-x-1.5 px-2 grid-cols-[1.75rem_minmax(0,1fr)_auto_3rem] [grid-template-areas:"sel_inv_amt_act""sel_date_status_act"] sm:gap-x-3 sm:px-3 ' +
  'sm:grid-cols-[2rem_minmax(6rem,1fr)_minmax(7rem,1fr)_minmax(8rem,1fr)_minmax(7rem,1fr)_6.5rem] sm:[grid-template-areas:"sel_inv_date_status_amt_act"]';

const AREA = {
  sel: '[grid-area:sel] flex items-center',
  inv: '[grid-area:inv]',
  date: '[grid-area:date]',
  status: '[grid-area:status] justify-self-end whitespace-nowrap sm:justify-self-start',
  amt: '[grid-area:amt] justify-self-end text-end',
  act: '[grid-area:act] justify-self-end',
};

/**
 * The scroll area's size, from a ResizeObserver only. The virtualizer's own observer also reads the
 * size at once, while React commits the table, which forces the browser to lay out the whole page
 * before it can paint (25-60 ms at 10,000 invoices); the observer's first report comes after that
 * layout, before the paint, and `initialRect` covers the rows until then. Where there is no
 * ResizeObserver (jsdom), the virtualizer's own.
 */
function observeRectAfterLayout(instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: { width: number; height: number }) => void) {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver !== 'function') return observeElementRect(instance, onRect);
  const observer = new ResizeObserver(() => onRect({ width: element.offsetWidth, height: element.offsetHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

/** Scroll areas the virtualizer has been attached to. */
const attached = new WeakSet<Element>();

/**
 * The virtualizer's own scrolling, except its first call for a new scroll area: as it attaches, it
 * scrolls the area to where it already is (the top of an element just created), and that call alone
 * forced the whole page's layout in the middle of React's commit (20-27 ms in profiles at 10,000
 * invoices) instead of once, before the paint.
 */
function scrollAfterAttaching(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<HTMLDivElement, Element>) {
  const element = instance.scrollElement;
  if (element && !attached.has(element)) {
    attached.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}

/** The scroll area is at most 70% of the viewport high (max-h-[70vh]): the rows it can show before it is measured. */
function initialRect() {
  return { width: 0, height: typeof window === 'undefined' ? 0 : Math.round(window.innerHeight * 0.7) };
}

function SortHeader({ column, label, filters, onSort, className }: { column: SortKey; label: string; filters: InvoiceFilters; onSort: (key: SortKey) => void; className: string }) {
  const active = filters.sort === column;
  return (
    <div role="columnheader" aria-sort={active ? (filters.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={className}>
      <button
        type="button"
        onClick={() => onSort(column)}
        className={cn('inline-flex items-center gap-1 rounded px-1 py-0.5 font-semibold hover:bg-surface-muted', active ? 'text-ink' : 'text-ink-muted')}
      >
        {label}
        {/* A sortable column that is not the sort shows a neutral mark: a faded ▼ read as the active sort. */}
        <span aria-hidden="true" className={cn('text-xs', !active && 'opacity-50')}>
          {!active ? '↕' : filters.direction === 'asc' ? '▲' : '▼'}
        </span>
      </button>
    </div>
  );
}

export interface SelectionChange {
  id: string;
  index: number;
  checked: boolean;
  /** Shift held: the change extends from the previous click to this row. */
  range: boolean;
}

/**
 * The invoices of the view as an ARIA table whose rows are virtualized: only the rows on screen (and a
 * few more) exist in the DOM; aria-rowcount and aria-rowindex tell assistive technology the full size
 * and each row's place.
 */
export function InvoiceTable({
  organizationId,
  invoices,
  filters,
  onSort,
  selected,
  onSelect,
  onSelectAll,
  linkState,
}: {
  organizationId: string;
  invoices: readonly Invoice[];
  filters: InvoiceFilters;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<string>;
  onSelect: (change: SelectionChange) => void;
  onSelectAll: (checked: boolean) => void;
  /** Handed to the detail page so that "Back to invoices" returns to this view. */
  linkState: unknown;
}) {
  const t = useInvoicesMessages();
  const wide = useSyncExternalStore(subscribeWide, isWide, () => true);
  const layout = wide ? LAYOUT.wide : LAYOUT.narrow;
  const scrollRef = useRef<HTMLDivElement>(null);
  const allCheckbox = useRef<HTMLInputElement>(null);
  // The row holding the keyboard focus stays rendered however far the list scrolls (PageDown from a
  // row's checkbox): unmounting it would drop the focus to <body>.
  const focusedIndex = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const focused = focusedIndex.current;
    if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
    return focused < (indexes[0] ?? 0) ? [focused, ...indexes] : [...indexes, focused];
  }, []);
  const onRowFocus = (event: FocusEvent<HTMLDivElement>) => {
    const index = Number(event.target.closest('[data-index]')?.getAttribute('data-index'));
    focusedIndex.current = Number.isInteger(index) ? index : null;
  };
  const onRowBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) focusedIndex.current = null;
  };
  // The React Compiler is not used here; the hook's unmemoizable return is what this warning is about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: invoices.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.row,
    scrollMargin: layout.header,
    scrollPaddingStart: layout.header,
    overscan: 6,
    rangeExtractor,
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollAfterAttaching,
    initialRect: initialRect(),
    // Rows are keyed by position (the default), not by invoice: a new sort or filter of 10,000
    // invoices then reuses the virtualizer's measurements instead of rebuilding all of them. State
    // that belongs to one invoice (a download in progress) lives outside the rows, by invoice id.
  });

  // A new sort or filter starts the list from its top, as a new page would. The virtualizer's own
  // offset says whether that is needed, without forcing a layout to read scrollTop.
  useEffect(() => {
    if (scrollRef.current && (virtualizer.scrollOffset ?? 0) > 0) scrollRef.current.scrollTop = 0;
  }, [invoices, virtualizer]);

  // The layout switched (the window crossed 640 px): every row has the other height. Not on mount,
  // where the sizes are already the layout's.
  const measuredRow = useRef(layout.row);
  useEffect(() => {
    if (measuredRow.current === layout.row) return;
    measuredRow.current = layout.row;
    virtualizer.measure();
  }, [virtualizer, layout.row]);

  const selectedInView = selected.size === 0 ? 0 : invoices.reduce((count, invoice) => (selected.has(invoice.id) ? count + 1 : count), 0);
  const allSelected = invoices.length > 0 && selectedInView === invoices.length;
  useEffect(() => {
    if (allCheckbox.current) allCheckbox.current.indeterminate = selectedInView > 0 && !allSelected;
  }, [selectedInView, allSelected]);

  const items = virtualizer.getVirtualItems();
  // React fires a checkbox's change from its click, so the native event tells whether Shift was held.
  const onCheckboxChange = (invoice: Invoice, index: number) => (event: ChangeEvent<HTMLInputElement>) => {
    const range = event.nativeEvent instanceof MouseEvent && event.nativeEvent.shiftKey;
    onSelect({ id: invoice.id, index, checked: event.currentTarget.checked, range });
  };

  return (
    <div
      role="table"
      aria-label={t.title()}
      aria-rowcount={invoices.length + 1}
      aria-colcount={6}
      className="overflow-hidden rounded-lg border border-line bg-surface text-sm shadow-sm"
    >
      <div ref={scrollRef} className="max-h-[70vh] overflow-auto overscroll-contain" style={{ scrollPaddingTop: layout.header }}>
        <div role="rowgroup" className="sticky top-0 z-10 border-b border-line bg-surface-muted">
          <div role="row" aria-rowindex={1} className={GRID} style={{ height: layout.header }}>
            <div role="columnheader" className={AREA.sel}>
              <input
                ref={allCheckbox}
                type="checkbox"
                className="size-4 accent-accent"
                aria-label={t.selectAll({ count: invoices.length })}
                checked={allSelected}
                disabled={invoices.length === 0}
                onChange={(event) => onSelectAll(event.currentTarget.checked)}
              />
            </div>
            <div role="columnheader" className={cn(AREA.inv, 'px-1 font-semibold text-ink-muted')}>
              {t.invoice()}
            </div>
            <SortHeader column="date" label={t.date()} filters={filters} onSort={onSort} className={AREA.date} />
            <SortHeader column="status" label={t.status()} filters={filters} onSort={onSort} className={AREA.status} />
            <SortHeader column="amount" label={t.amount()} filters={filters} onSort={onSort} className={AREA.amt} />
            <div role="columnheader" className={cn(AREA.act, 'font-semibold text-ink-muted')}>
              <span className="sr-only sm:not-sr-only">{t.file()}</span>
            </div>
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }} onFocus={onRowFocus} onBlur={onRowBlur}>
          {items.map((item) => {
            const invoice = invoices[item.index];
            if (!invoice) return null;
            const reference = invoiceReference(invoice.id);
            const isSelected = selected.has(invoice.id);
            return (
              <div
                key={item.key}
                role="row"
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className={cn(GRID, 'absolute inset-x-0 top-0 border-b border-line', isSelected && 'bg-info-soft')}
                style={{ height: layout.row, transform: `translateY(${item.start - layout.header}px)` }}
              >
                <div role="cell" className={AREA.sel}>
                  <input
                    type="checkbox"
                    className="size-4 accent-accent"
                    aria-label={t.selectInvoice({ reference })}
                    checked={isSelected}
                    onChange={onCheckboxChange(invoice, item.index)}
                  />
                </div>
                <div role="cell" className={cn(AREA.inv, 'min-w-0')}>
                  {/* One line whatever the width: rows have a fixed height. Below 640 px the reference takes a smaller size to fit beside a wide status. */}
                  <Link
                    to={invoice.id}
                    state={linkState}
                    className="inline-block max-w-full truncate whitespace-nowrap rounded px-1 align-middle font-mono text-xs font-medium text-link underline-offset-2 hover:underline sm:text-sm"
                  >
                    {richText(t.invoiceLink({ reference }), { hidden: (chunk) => <span className="sr-only">{chunk}</span> })}
                  </Link>
                </div>
                <div role="cell" className={cn(AREA.date, 'whitespace-nowrap px-1 text-ink-muted sm:text-ink')}>
                  {/* The billing date (UTC), the one on the PDF, whatever the user's time zone. */}
                  <time dateTime={invoice.created_at}>{formatBillingDate(invoice.created_at)}</time>
                </div>
                <div role="cell" className={AREA.status}>
                  <InvoiceStatusBadge status={invoice.status} />
                </div>
                <div role="cell" className={cn(AREA.amt, 'tabular whitespace-nowrap font-medium text-ink')}>
                  {formatMinor(invoice.total_in_cents, invoice.currency_code)}
                </div>
                <div role="cell" className={AREA.act}>
                  <DownloadPdfButton key={invoice.id} organizationId={organizationId} invoiceId={invoice.id} variant="ghost" size="sm" aria-label={t.pdfOf({ reference })}>
                    {t.pdf()}
                  </DownloadPdfButton>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
