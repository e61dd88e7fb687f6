import { useEffect, useState, type ComponentType } from 'react';
import type { useUiMessages } from './messages';

export type ToastTone = 'success' | 'error' | 'info';
/** A toast's words: a text, or the building blocks' message that makes it, for callers outside React. */
export type ToastMessage = string | ((t: ReturnType<typeof useUiMessages>) => string);
export interface ToastRequest {
  tone: ToastTone;
  message: ToastMessage;
}

// Until the toaster (sonner, loaded with the first toast) is on the page, toasts wait here.
const waiting: ToastRequest[] = [];
let wake: () => unknown = () => undefined;
const wait = (request: ToastRequest) => {
  waiting.push(request);
  wake();
};
let show = wait;

/** Transient notifications: components call these after an action; 4xx errors belong on the form instead. */
export const toast = {
  success: (message: ToastMessage) => show({ tone: 'success', message }),
  error: (message: ToastMessage) => show({ tone: 'error', message }),
  info: (message: ToastMessage) => show({ tone: 'info', message }),
};

/**
 * The toaster calls this once its live regions are on the page, so that screen readers announce
 * what is put in them: the waiting toasts are shown then, later ones at once.
 */
export function connectToaster(next: (request: ToastRequest) => void): () => void {
  show = next;
  for (const request of waiting.splice(0)) next(request);
  return () => {
    show = wait;
  };
}

/**
 * sonner loads with the first notification: the first page's JavaScript stays on budget. If its code
 * cannot load (offline, a deploy replaced it), the page carries on without it: the toasts wait, and
 * the next one tries again. (A lazy component would have failed the whole page, above the router's
 * error page.)
 */
export function Toaster() {
  const [Regions, setRegions] = useState<ComponentType | null>(null);
  useEffect(() => {
    wake = async () => {
      // Awaited, not .then(): Vite moves a .then() on import() inside its preload helper, where a
      // stylesheet that failed to load skips it.
      try {
        const module = await import('./toast-regions');
        setRegions(() => module.default);
      } catch {
        // Offline: the toasts keep waiting; the next one tries again.
      }
    };
    // A toast asked for before this effect ran (by a page's own effect) is waiting already.
    if (waiting.length > 0) wake();
  }, []);
  return Regions ? <Regions /> : null;
}
