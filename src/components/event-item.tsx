import type { OrganizationEvent } from '@/api/organization-events';
import { Badge } from '@/components/ui/badge';
import { usePlanName } from '@/components/ui/plan-name';
import { formatInstant } from '@/lib/date-format';
import { formatRelativeInstant } from '@/lib/relative-time';
import { changeFields, describeEvent, originLabel } from '@/lib/event-words';
import { richText } from '@/lib/rich-text';
import { useEventMessages, type EventMessages } from './events/messages';
import { ColumnHeader } from './ui/column-header';

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Before and after, field by field, as the event recorded them. */
function ChangeTable({ event, t }: { event: OrganizationEvent; t: EventMessages }) {
  const after = changeFields(event.change);
  const before = changeFields(event.original_change);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (fields.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 w-full text-start text-xs">
        <caption className="sr-only">{t.changeCaption()}</caption>
        <thead className="text-ink-muted">
          <tr>
            <ColumnHeader className="py-1 pe-3">{t.field()}</ColumnHeader>
            <ColumnHeader className="py-1 pe-3">{t.before()}</ColumnHeader>
            <ColumnHeader className="py-1">{t.after()}</ColumnHeader>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field} className="border-t border-line align-top">
              <th scope="row" className="py-1 pe-3 font-mono font-normal">
                {field}
              </th>
              <td className="break-all py-1 pe-3 font-mono">{shown(before[field])}</td>
              <td className="break-all py-1 font-mono">{shown(after[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One billing event: who, what in words, when (relative, and exact in the user's time zone), from
 * where, and optionally a disclosure with the recorded before/after.
 */
export function EventItem({ event, now, details = true }: { event: OrganizationEvent; now: Date; details?: boolean }) {
  const t = useEventMessages();
  const planName = usePlanName();
  const when = event.timestamp;
  const sentence = t.eventBy({ person: event.triggered_by ?? t.someone(), action: describeEvent(event, { t, planName }) });
  return (
    <li className="py-3">
      <p className="text-sm text-ink">{richText(sentence, { person: (chunk) => <span className="font-medium">{chunk}</span> })}</p>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-ink-muted">
        {when && (
          <time dateTime={when}>
            {formatRelativeInstant(when, now)} <span aria-hidden="true">·</span> {formatInstant(when)}
          </time>
        )}
        <Badge>{t.viaOrigin({ code: event.origin ?? '', origin: originLabel(event.origin, t) })}</Badge>
      </p>
      {details && (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer text-xs font-medium text-link">{t.details()}</summary>
          <ChangeTable event={event} t={t} />
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-ink-muted">
            <dt>{t.kind()}</dt>
            <dd className="font-mono">{[event.event_type, event.sub_target_type].filter(Boolean).join(' ')}</dd>
            <dt>{t.userAgent()}</dt>
            <dd className="break-all">{event.user_agent ?? '—'}</dd>
            <dt>{t.eventId()}</dt>
            <dd className="break-all font-mono">{event.id ?? '—'}</dd>
          </dl>
        </details>
      )}
    </li>
  );
}
