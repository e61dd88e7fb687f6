import { lazy, Suspense, useEffect, useState } from 'react';
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
let wake = () => {};
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

// sonner loads with the first notification: the first page's JavaScript stays on budget.
const ToastRegions = lazy(() => import('./toast-regions'));

export function Toaster() {
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    wake = () => setNeeded(true);
    // A toast asked for before this effect ran (by a page's own effect) is waiting already.
    if (waiting.length > 0) wake();
  }, []);
  return needed ? (
    <Suspense>
      <ToastRegions />
    </Suspense>
  ) : null;
}
