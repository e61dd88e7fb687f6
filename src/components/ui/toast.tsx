import { lazy, Suspense, useSyncExternalStore } from 'react';

export type ToastTone = 'success' | 'error' | 'info';
export interface ToastItem {
  id: number;
  tone: ToastTone;
  message: string;
}

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function push(tone: ToastTone, message: string): number {
  const id = nextId++;
  // The same message twice in a row (a retried action) shows once.
  if (items.at(-1)?.message === message) return id;
  items = [...items.slice(-3), { id, tone, message }];
  emit();
  return id;
}

/** Transient notifications: components call these after an action; 4xx errors belong on the form instead. */
export const toast = {
  success: (message: string) => push('success', message),
  error: (message: string) => push('error', message),
  info: (message: string) => push('info', message),
  dismiss(id: number): void {
    items = items.filter((item) => item.id !== id);
    emit();
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The cards load with the first notification; the live regions are there from the start, so that
// screen readers announce what is put in them (and the first page's JavaScript stays on budget).
const ToastCard = lazy(() => import('./toast-card'));

export function Toaster() {
  const current = useSyncExternalStore(subscribe, () => items, () => items);
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
      <div role="status" aria-live="polite" className="flex w-full max-w-sm flex-col gap-2">
        <Suspense>{current.filter((item) => item.tone !== 'error').map((item) => <ToastCard key={item.id} item={item} />)}</Suspense>
      </div>
      <div role="alert" aria-live="assertive" className="flex w-full max-w-sm flex-col gap-2">
        <Suspense>{current.filter((item) => item.tone === 'error').map((item) => <ToastCard key={item.id} item={item} />)}</Suspense>
      </div>
    </div>
  );
}
