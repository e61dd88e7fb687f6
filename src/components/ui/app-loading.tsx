import { Spinner } from './spinner';
import { useUiMessages } from './messages';

/** The whole window waiting: the console starting, or signing out. */
export function AppLoading({ label }: { label?: string }) {
  const t = useUiMessages();
  return (
    <div role="status" className="flex min-h-screen items-center justify-center gap-2 text-sm text-ink-muted">
      <Spinner />
      {label ?? t.loadingConsole()}
    </div>
  );
}
