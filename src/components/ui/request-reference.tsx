import { ApiError } from '@/api/api-error';
import { useUiMessages } from './messages';

/** The server's id for a failed request (X-Request-Id), when the failure came from an answer. */
export function requestIdOf(error: unknown): string | null {
  return error instanceof ApiError ? error.requestId : null;
}

/** "Reference: 4f1c…": what a user quotes to support so that the failed request can be found in the logs. */
export function RequestReference({ error }: { error: unknown }) {
  const t = useUiMessages();
  const id = requestIdOf(error);
  if (id === null) return null;
  return (
    <p className="mt-1 text-xs">
      {t.reference()} <code className="select-all break-all font-mono">{id}</code>
    </p>
  );
}
