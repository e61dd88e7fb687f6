import type { OrganizationEvent } from '@/api/organization-events';
import { Badge } from '@/components/ui/badge';
import { usePlanName } from '@/components/ui/plan-name';
import { brandLabel } from '@/api/credit-card';
import { formatBillingDate, formatInstant } from '@/lib/date-format';
import { formattingLocale } from '@/lib/i18n';
import { formatMinor } from '@/lib/money';
import { formatRelativeInstant } from '@/lib/relative-time';
import { changeFields, describeEvent, originLabel } from '@/lib/event-words';
import { richText } from '@/lib/rich-text';
import { useEventMessages, type EventMessages } from './events/messages';
import { ColumnHeader } from './ui/column-header';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;

/**
 * A recorded value as the interface says it: a plan by its name, a subscription's status, an amount
 * in its currency, a card brand, a country, a billing day or an instant in the user's language;
 * anything else as recorded (the CSV export keeps every value as recorded).
 */
function shown(field: string, value: unknown, side: Record<string, unknown>, planName: (plan: string) => string, t: EventMessages): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'number' && field === 'amount_in_cents') return formatMinor(value, typeof side.currency_code === 'string' ? side.currency_code : 'USD');
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field === 'plan') return planName(value);
  // A Cloud Plans subscription's status (the only event field of that name).
  if (field === 'status') return t.subscriptionStatus({ status: value });
  if (field === 'brand') return brandLabel(value);
  if (field === 'country_code') return new Intl.DisplayNames([formattingLocale()], { type: 'region', fallback: 'code' }).of(value) ?? value;
  if (DAY.test(value)) return formatBillingDate(value, 'long');
  if (INSTANT.test(value)) return formatInstant(value);
  return value;
}

/** Before and after, field by field, as the event recorded them, in words. */
function ChangeTable({ event, t }: { event: OrganizationEvent; t: EventMessages }) {
  const planName = usePlanName();
  const after = changeFields(event.change);
  const before = changeFields(event.original_change);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (fields.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 w-full text-xs">
        <caption className="sr-only">{t.changeCaption()}</caption>
        <thead className="text-ink-muted">
          <tr>
            <ColumnHeader className="py-1 pe-3 text-start">{t.field()}</ColumnHeader>
            <ColumnHeader className="py-1 pe-3 text-start">{t.before()}</ColumnHeader>
            <ColumnHeader className="py-1 text-start">{t.after()}</ColumnHeader>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field} className="border-t border-line align-top">
              <th scope="row" className="py-1 pe-3 text-start font-normal">
                {t.changeField({ field })}
              </th>
              <td className="break-all py-1 pe-3">{shown(field, before[field], before, planName, t)}</td>
              <td className="break-all py-1">{shown(field, after[field], after, planName, t)}</td>
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
