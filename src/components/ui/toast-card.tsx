import { useEffect } from 'react';
import { cn } from './cn';
import { toast, type ToastItem, type ToastTone } from './toast';

const toneClass: Record<ToastTone, string> = {
  success: 'border-success-line bg-success-soft text-success-ink',
  error: 'border-danger-line bg-danger-soft text-danger-ink',
  info: 'border-info-line bg-info-soft text-info-ink',
};

export default function ToastCard({ item }: { item: ToastItem }) {
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

