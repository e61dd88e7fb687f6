import { Button } from './button';
import { ErrorMessage } from './error-message';
import { RequestReference } from './request-reference';
import { useUiMessages } from './messages';

export function ErrorState({ title, error, onRetry, retrying = false }: { title: string; error: unknown; onRetry?: () => void; retrying?: boolean }) {
  const t = useUiMessages();
  return (
    <div role="alert" className="rounded-md border border-danger-line bg-danger-soft p-3 text-sm text-danger-ink">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{error instanceof Error ? <ErrorMessage message={error.message} /> : t.somethingWentWrong()}</p>
      <RequestReference error={error} />
      {onRetry && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry} pending={retrying}>
          {t.retry()}
        </Button>
      )}
    </div>
  );
}
