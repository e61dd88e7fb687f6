/**
 * Runs `work` when the browser is next idle, and within `timeout` ms whatever happens; where it cannot
 * tell when it is idle (no requestIdleCallback), after `fallback` ms. Returns the cancel.
 */
export function whenIdle(work: () => void, { timeout, fallback }: { timeout: number; fallback: number }): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(work, fallback);
  return () => window.clearTimeout(timer);
}
