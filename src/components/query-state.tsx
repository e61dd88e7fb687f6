import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '@/api/api-error';
import { useRoutePermission } from '@/lib/route-access';
import { Card } from './ui/card';
import { ErrorState } from './ui/error-state';
import { NoAccess } from './no-access';
import { LoadingBlock } from './ui/skeleton';

/** A 403: the role may not read it (a backend that does not tell roles answers so instead of the console knowing). */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/**
 * One query's states, the same on every page: its skeleton while it first loads, its error with a
 * retry, the route's no-access explanation on a 403, then its data. Data already on screen stays
 * when a background refresh fails (the query cache toasts that once).
 */
export function QueryState<TData>({
  query,
  loading,
  lines,
  skeletonInCard = false,
  errorTitle,
  inCard,
  children,
}: {
  query: UseQueryResult<TData>;
  /** What is loading, for screen readers. */
  loading: string;
  lines?: number;
  /** Frames the skeleton in a card, for data that is not inside one. */
  skeletonInCard?: boolean;
  errorTitle: string;
  /** Rendered inside a card: the no-access explanation then has no frame of its own. */
  inCard?: boolean;
  children: (data: TData) => ReactNode;
}) {
  const guarded = useRoutePermission() !== undefined;
  if (guarded && isForbidden(query.error)) return <NoAccess inCard={inCard} />;
  if (query.data !== undefined) return children(query.data);
  if (query.isError) return <ErrorState title={errorTitle} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const skeleton = <LoadingBlock label={loading} lines={lines} />;
  return skeletonInCard ? <Card>{skeleton}</Card> : skeleton;
}
