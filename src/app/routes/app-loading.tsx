import { Spinner } from '@/components/ui/spinner';

export function AppLoading() {
  return (
    <div role="status" className="flex min-h-screen items-center justify-center gap-2 text-sm text-ink-muted">
      <Spinner />
      Loading the billing console…
    </div>
  );
}
