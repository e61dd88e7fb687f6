import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { whenIdle } from '@/lib/when-idle';
import { parseInvoiceSearch, toInvoiceSearch, type InvoiceFilters } from './invoice-view';

const URL_UPDATE_DELAY = { timeout: 100, fallback: 50 };
const FLUSH_EVENTS = ['pointerdown', 'click', 'keydown'] as const;

interface UrlUpdate {
  filters: InvoiceFilters;
  replace: boolean | undefined;
}

/**
 * The list's filters and sort. The URL search params are where they live, so that a view can be
 * shared and survives a reload; discrete changes add a history entry (Back undoes them), typing
 * replaces it. But the list does not wait for the URL: a change is shown from local state at once,
 * and the URL follows once that frame is drawn (the router's navigation re-renders the route, which
 * a sort of 10,000 invoices should not wait on), or at the next press or key, whichever comes first.
 * When the URL changes from elsewhere (Back, a link), the list follows it, and a change still waiting
 * is dropped, so that it cannot bring the page back or land on another page's address.
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

  // The URL updates not yet made, in order (each keeps its own history entry), and the browser's
  // address they build on, which the router updates as soon as a navigation commits.
  const pending = useRef<{ updates: UrlUpdate[]; from: string; cancel: () => void } | null>(null);
  const setUrl = useRef(setParams);
  useLayoutEffect(() => {
    setUrl.current = setParams;
  }, [setParams]);

  const apply = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return;
    pending.current = null;
    waiting.cancel();
    // The page has moved since (Back, Forward): these changes were made on a view that is gone.
    if (window.location.href !== waiting.from) return;
    for (const { filters: next, replace } of waiting.updates) {
      setUrl.current((current) => toInvoiceSearch(next, current), { replace, preventScrollReset: true });
    }
  }, []);

  useEffect(() => {
    // A press, a click or a key may start a navigation (a link, a shortcut; a screen reader clicks
    // without pressing): the URL catches up first, so that the navigation starts from this view and
    // Back returns to it, rather than the late update sending the page back or onto the next page's address.
    for (const type of FLUSH_EVENTS) document.addEventListener(type, apply, true);
    return () => {
      for (const type of FLUSH_EVENTS) document.removeEventListener(type, apply, true);
      pending.current?.cancel();
      pending.current = null;
    };
  }, [apply]);

  const update = useCallback(
    (patch: Partial<InvoiceFilters>, options: { replace?: boolean } = {}) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setShown((current) => ({ filters: next, url: current.url }));
      // Once the frame that shows the change is drawn, when the page is idle (100 ms at most), or at the next press or key.
      pending.current ??= { updates: [], from: window.location.href, cancel: whenIdle(apply, URL_UPDATE_DELAY) };
      pending.current.updates.push({ filters: next, replace: options.replace });
    },
    [apply],
  );
  return { filters, update };
}
