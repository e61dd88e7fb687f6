import { useMemo, useRef, useState } from 'react';
import type { Invoice } from '@/api/contract';
import { invoiceTotals } from '@/lib/invoice-totals';
import type { SelectionChange } from './components/invoice-table';

/**
 * The invoices the user has selected, by id, across filter changes: a click toggles one, Shift
 * extends from the last clicked row to this one in the view's current order, and the header's box
 * takes or leaves everything in view. Selected invoices that a filter hides stay selected and are
 * counted, so that nothing is kept silently. With nothing selected, nothing is counted either: a
 * sort or filter of 10,000 invoices costs no pass over them for this.
 */
export function useInvoiceSelection(invoices: readonly Invoice[], view: readonly Invoice[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
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
