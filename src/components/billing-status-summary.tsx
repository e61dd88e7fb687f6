import type { UseQueryResult } from '@tanstack/react-query';
import type { BillingStatus } from '@/api/contract';
import { useComponentMessages } from './messages';
import { Badge } from './ui/badge';
import { ErrorState } from './ui/error-state';
import { LoadingBlock } from './ui/skeleton';

/** The billing status as a card shows it: loading, its own error with a retry, or valid/invalid and why. */
export function BillingStatusSummary({ status }: { status: UseQueryResult<BillingStatus> }) {
  const t = useComponentMessages();
  if (status.isPending) return <LoadingBlock label={t.loadingStatus()} />;
  if (status.isError) {
    return <ErrorState title={t.statusError()} error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />;
  }
  const invalid = status.data.is_valid === false;
  return (
    <>
      <Badge tone={invalid ? 'danger' : 'success'}>{invalid ? t.invalid() : t.valid()}</Badge>
      {/* The API's own words, in English: marked so, and laid out left to right in a right-to-left page. */}
      {status.data.message && (
        <p lang="en" dir="auto" className="mt-2 text-sm text-ink-muted">
          {status.data.message}
        </p>
      )}
    </>
  );
}
