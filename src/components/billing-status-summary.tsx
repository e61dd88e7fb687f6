import type { UseQueryResult } from '@tanstack/react-query';
import type { BillingStatus } from '@/api/contract';
import { Badge } from './ui/badge';
import { ErrorState } from './ui/error-state';
import { LoadingBlock } from './ui/skeleton';

/** The billing status as a card shows it: loading, its own error with a retry, or valid/invalid and why. */
export function BillingStatusSummary({ status }: { status: UseQueryResult<BillingStatus> }) {
  if (status.isPending) return <LoadingBlock label="Loading the billing status" />;
  if (status.isError) {
    return <ErrorState title="Could not load the billing status" error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />;
  }
  const invalid = status.data.is_valid === false;
  return (
    <>
      <Badge tone={invalid ? 'danger' : 'success'}>{invalid ? 'Invalid' : 'Valid'}</Badge>
      {status.data.message && <p className="mt-2 text-sm text-ink-muted">{status.data.message}</p>}
    </>
  );
}
