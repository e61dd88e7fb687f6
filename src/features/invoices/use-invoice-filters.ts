import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { parseInvoiceSearch, toInvoiceSearch, type InvoiceFilters } from './invoice-view';

/**
 * The list's filters and sort. The URL search params are where they live, so that a view can be
 * shared and survives a reload; discrete changes add a history entry (Back undoes them), typing
 * replaces it. But the list does not wait for the URL: a change is shown from local state at once
 * (the router's navigation is a transition, which a sort of 10,000 invoices should not wait on), and
 * the URL follows. When the URL changes from elsewhere (Back, a link), the list follows it.
 */
export function useInvoiceFilters() {
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => parseInvoiceSearch(params), [params]);
  const [shown, setShown] = useState({ filters: fromUrl, url: fromUrl });
  let filters = shown.filters;
  if (shown.url !== fromUrl) {
    // The URL moved: to what is shown already (our own update arriving) or elsewhere. The same filters keep the same object.
    const same = toInvoiceSearch(fromUrl).toString() === toInvoiceSearch(shown.filters).toString();
    filters = same ? shown.filters : fromUrl;
    setShown({ filters, url: fromUrl });
  }
  // Two changes before the URL catches up both count: each builds on the last one asked for.
  const latest = useRef(filters);
  useLayoutEffect(() => {
    latest.current = filters;
  }, [filters]);

  const update = useCallback(
    (patch: Partial<InvoiceFilters>, options: { replace?: boolean } = {}) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setShown((current) => ({ filters: next, url: current.url }));
      setParams((current) => toInvoiceSearch(next, current), { replace: options.replace, preventScrollReset: true });
    },
    [setParams],
  );
  return { filters, update };
}
