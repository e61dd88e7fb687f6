import { cn } from './cn';

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded bg-surface-muted', className)} />;
}

/** A loading placeholder that also tells screen readers what is loading. */
export function LoadingBlock({ label, lines = 2 }: { label: string; lines?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <span className="sr-only">{label}</span>
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} className={cn('h-5', index === 0 ? 'w-2/3' : 'w-1/2')} />
      ))}
    </div>
  );
}
