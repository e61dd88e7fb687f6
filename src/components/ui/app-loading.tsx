import { Spinner } from './spinner';

/** The whole window waiting: the console starting, or signing out. */
export function AppLoading({ label = 'Loading the billing console…' }: { label?: string }) {
  return (
    <div role="status" className="flex min-h-screen items-center justify-center gap-2 text-sm text-ink-muted">
      <Spinner />
      {label}
    </div>
  );
}
