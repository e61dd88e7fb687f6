/**
 * What a page keeps for its browser tab (sessionStorage), under the console's prefix, which sign-out
 * clears with the session (src/lib/session.ts). Storage that is off or full is not an error: the
 * value then lasts as long as the page.
 */
const PREFIX = 'billing-console.';

/** The value kept under `key`, parsed from JSON; null when there is none or it does not parse. */
export function readTabValue(key: string): unknown {
  try {
    const raw = window.sessionStorage.getItem(PREFIX + key);
    const value: unknown = raw === null ? null : JSON.parse(raw);
    return value;
  } catch {
    return null;
  }
}

/** Keeps `value` as JSON under `key`; null removes it. */
export function writeTabValue(key: string, value: unknown): void {
  try {
    if (value === null) window.sessionStorage.removeItem(PREFIX + key);
    else window.sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Off or full: the value lasts as long as the page.
  }
}
