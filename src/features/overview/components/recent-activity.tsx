import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { eventPagesQuery } from '@/api/event-queries';
import { EventItem } from '@/components/event-item';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingBlock } from '@/components/ui/skeleton';

const RECENT = { pageSize: 3 } as const;

/** The last three billing events, with a link to the whole activity. Loaded after the overview's first paint (its own chunk). */
export default function RecentActivity({ organizationId }: { organizationId: string }) {
  const events = useInfiniteQuery(eventPagesQuery(organizationId, RECENT));
  const [now] = useState(() => new Date());
  const list = events.data?.pages[0]?.events ?? [];
  if (events.isPending) return <LoadingBlock label="Loading the recent activity" />;
  if (events.isError) return <ErrorState title="Could not load the recent activity" error={events.error} onRetry={() => void events.refetch()} retrying={events.isFetching} />;
  return (
    <>
      {list.length === 0 ? (
        <p className="text-sm text-ink-muted">No billing changes yet.</p>
      ) : (
        <ol aria-label="Last billing events, newest first" className="divide-y divide-line">
          {list.map((event, index) => (
            <EventItem key={event.id ?? `${event.timestamp}-${index}`} event={event} now={now} details={false} />
          ))}
        </ol>
      )}
      <Link to="../activity" relative="path" className="mt-2 inline-block text-sm font-medium text-link underline">
        See all activity
      </Link>
    </>
  );
}
