import { useEffect, useMemo, useRef, useState } from 'react';
import type { Invoice } from '@/api/contract';
import { invoiceTotals } from '@/lib/invoice-totals';
import { readTabValue, writeTabValue } from '@/lib/tab-storage';
import type { SelectionChange } from './components/invoice-table';

/** The selection kept for this tab, as the list left it. */
function storedSelection(organizationId: string): ReadonlySet<string> {
  const stored = readTabValue(`invoice-selection.${organizationId}`);
  return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
}

/**
 * The invoices the user has selected, by id, across filter changes: a click toggles one, Shift
 * extends from the last clicked row to this one in the view's current order, and the header's box
 * takes or leaves everything in view. Selected invoices that a filter hides stay selected and are
 * counted, so that nothing is kept silently. With nothing selected, nothing is counted either: a
 * sort or filter of 10,000 invoices costs no pass over them for this. The selection outlives the
 * page for the tab (a look at one invoice, Back, a reload), like the filters in the URL: ids no longer
 * listed are simply not counted.
 */
export function useInvoiceSelection(organizationId: string, invoices: readonly Invoice[], view: readonly Invoice[]) {
  const [kept, setKept] = useState(() => ({ organizationId, selected: storedSelection(organizationId) }));
  if (kept.organizationId !== organizationId) setKept({ organizationId, selected: storedSelection(organizationId) });
  const { selected } = kept;
  const setSelected = (next: ReadonlySet<string> | ((current: ReadonlySet<string>) => ReadonlySet<string>)) =>
    setKept((current) => ({ organizationId: current.organizationId, selected: typeof next === 'function' ? next(current.selected) : next }));
  useEffect(() => writeTabValue(`invoice-selection.${kept.organizationId}`, kept.selected.size === 0 ? null : [...kept.selected]), [kept]);
  const anchor = useRef<string | null>(null);
  const selectedInView = useMemo(() => (selected.size === 0 ? [] : view.filter((invoice) => selected.has(invoice.id))), [view, selected]);
  const selectedTotals = useMemo(() => invoiceTotals(selectedInView), [selectedInView]);
  const selectedCount = useMemo(() => (selected.size === 0 ? 0 : invoices.reduce((count, invoice) => (selected.has(invoice.id) ? count + 1 : count), 0)), [invoices, selected]);

  const onSelect = ({ id, index: at, checked, range }: SelectionChange) => {
    const from = range && anchor.current !== null ? view.findIndex((invoice) => invoice.id === anchor.current) : -1;
    const ids = from === -1 ? [id] : view.slice(Math.min(from, at), Math.max(from, at) + 1).map((invoice) => invoice.id);
    setSelected((current) => {
      const next = new Set(current);
      for (const candidate of ids) {
        if (checked) next.add(candidate);
        else next.delete(candidate);
      }
      return next;
    });
    anchor.current = id;
  };
  const onSelectAll = (checked: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const invoice of view) {
        if (checked) next.add(invoice.id);
        else next.delete(invoice.id);
      }
      return next;
    });
  };

  return {
    selected,
    selectedInView,
    selectedTotals,
    /** Selected, but hidden by the filters. */
    selectedHidden: selectedCount - selectedInView.length,
    onSelect,
    onSelectAll,
    unselectHidden: () => setSelected(new Set(selectedInView.map((invoice) => invoice.id))),
    clear: () => setSelected(new Set()),
  };
}
