import { useEffect, useSyncExternalStore } from 'react';
import { cn } from './cn';

type ToastTone = 'success' | 'error' | 'info';
interface ToastItem {
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

const toneClass: Record<ToastTone, string> = {
  success: 'border-success-line bg-success-soft text-success-ink',
  error: 'border-danger-line bg-danger-soft text-danger-ink',
  info: 'border-info-line bg-info-soft text-info-ink',
};

function ToastCard({ item }: { item: ToastItem }) {
  useEffect(() => {
    const timer = window.setTimeout(() => toast.dismiss(item.id), item.tone === 'error' ? 9000 : 5000);
    return () => window.clearTimeout(timer);
  }, [item.id, item.tone]);
  return (
    <div className={cn('pointer-events-auto flex items-start gap-3 rounded-lg border p-3 text-sm shadow-lg', toneClass[item.tone])}>
      <p className="min-w-0 flex-1">{item.message}</p>
      <button type="button" className="rounded px-1 text-current hover:opacity-70" onClick={() => toast.dismiss(item.id)} aria-label="Dismiss notification">
        ×
      </button>
    </div>
  );
}

export function Toaster() {
  const current = useSyncExternalStore(subscribe, () => items, () => items);
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
      <div role="status" aria-live="polite" className="flex w-full max-w-sm flex-col gap-2">
        {current.filter((item) => item.tone !== 'error').map((item) => <ToastCard key={item.id} item={item} />)}
      </div>
      <div role="alert" aria-live="assertive" className="flex w-full max-w-sm flex-col gap-2">
        {current.filter((item) => item.tone === 'error').map((item) => <ToastCard key={item.id} item={item} />)}
      </div>
    </div>
  );
}
