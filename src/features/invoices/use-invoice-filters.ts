import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseInvoiceSearch, toInvoiceSearch, type InvoiceFilters } from './invoice-view';

/**
 * The list's filters and sort, read from and written to the URL search params (the one place they
 * live), so that a view can be shared and survives a reload. Discrete changes add a history entry
 * (Back undoes them); typing replaces it.
 */
export function useInvoiceFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseInvoiceSearch(params), [params]);
  const update = useCallback(
    (patch: Partial<InvoiceFilters>, options: { replace?: boolean } = {}) => {
      setParams((current) => toInvoiceSearch({ ...parseInvoiceSearch(current), ...patch }, current), { replace: options.replace, preventScrollReset: true });
    },
    [setParams],
  );
  return { filters, update };
}
