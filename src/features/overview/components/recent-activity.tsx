import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { recentEventsQuery } from '@/api/event-queries';
import { EventItem } from '@/components/event-item';
import { useEventMessages } from '@/components/events/messages';
import { ErrorState } from '@/components/ui/error-state';

/**
 * The overview's last billing events, with a link to the whole activity: a chunk of its own with the
 * events' words, loaded when its box comes into view (overview-route.tsx).
 */
export default function RecentActivity({ organizationId, placeholder }: { organizationId: string; placeholder: ReactNode }) {
  const t = useEventMessages();
  const events = useQuery(recentEventsQuery(organizationId));
  const [now] = useState(() => new Date());
  if (events.isPending) return placeholder;
  if (events.isError) return <ErrorState title={t.recentError()} error={events.error} onRetry={() => void events.refetch()} retrying={events.isFetching} />;
  const list = events.data.events ?? [];
  return (
    <>
      {list.length === 0 ? (
        <p className="text-sm text-ink-muted">{t.noRecentEvents()}</p>
      ) : (
        <ol aria-label={t.recentListLabel()} className="divide-y divide-line">
          {list.map((event, index) => (
            <EventItem key={event.id ?? `${event.timestamp}-${index}`} event={event} now={now} details={false} />
          ))}
        </ol>
      )}
      <Link to="../activity" relative="path" className="mt-2 inline-block text-sm font-medium text-link underline">
        {t.seeAllActivity()}
      </Link>
    </>
  );
}
