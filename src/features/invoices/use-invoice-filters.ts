import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { whenIdle } from '@/lib/when-idle';
import { parseInvoiceSearch, toInvoiceSearch, type InvoiceFilters } from './invoice-view';

const URL_UPDATE_DELAY = { timeout: 100, fallback: 50 };

interface UrlUpdate {
  filters: InvoiceFilters;
  replace: boolean | undefined;
}

/**
 * The list's filters and sort. The URL search params are where they live, so that a view can be
 * shared and survives a reload; discrete changes add a history entry (Back undoes them), typing
 * replaces it. But the list does not wait for the URL: a change is shown from local state at once,
 * and the URL follows once that frame is drawn (the router's navigation re-renders the route, which
 * a sort of 10,000 invoices should not wait on). When the URL changes from elsewhere (Back, a link),
 * the list follows it. Leaving the page drops an update still waiting, so it cannot bring the page back.
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

  // The URL updates not yet made, in order: each keeps its own history entry.
  const pending = useRef<UrlUpdate[]>([]);
  const cancel = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      cancel.current?.();
      cancel.current = null;
      pending.current = [];
    },
    [],
  );

  const update = useCallback(
    (patch: Partial<InvoiceFilters>, options: { replace?: boolean } = {}) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setShown((current) => ({ filters: next, url: current.url }));
      pending.current.push({ filters: next, replace: options.replace });
      // Once the frame that shows the change is drawn: the page is idle then (100 ms at most).
      cancel.current ??= whenIdle(() => {
        cancel.current = null;
        const updates = pending.current;
        pending.current = [];
        for (const { filters: shownNext, replace } of updates) {
          setParams((current) => toInvoiceSearch(shownNext, current), { replace, preventScrollReset: true });
        }
      }, URL_UPDATE_DELAY);
    },
    [setParams],
  );
  return { filters, update };
}
