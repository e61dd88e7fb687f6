import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Moves the keyboard focus to `ref` once the render that follows `request()` has committed. For an
 * action whose control goes away when it succeeds (a dialog's opener replaced by the new state):
 * the dialog, a child, closes in an earlier effect of the same commit and hands the focus back to
 * its opener; this then moves it to a target that stays, so it never falls to <body>.
 * The target needs tabIndex={-1} unless it is a control.
 */
export function useFocusRequest<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) ref.current?.focus();
  }, [requests]);
  const request = useCallback(() => setRequests((count) => count + 1), []);
  return { ref, request };
}
