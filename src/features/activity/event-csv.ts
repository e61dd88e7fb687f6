import type { OrganizationEvent } from '@/api/organization-events';
import { csvDocument, type CsvSeparator } from '@/lib/csv';
import { describeEvent, originLabel } from '@/lib/event-words';

const COLUMNS = [
  'timestamp',
  'triggered_by',
  'origin',
  'origin_label',
  'event_type',
  'sub_target_type',
  'description',
  'change',
  'original_change',
  'user_agent',
  'event_id',
] as const;

/** The events as CSV, newest first as listed: the exact UTC timestamp, who, from where, what in words and as recorded. */
export function eventsCsv(events: readonly OrganizationEvent[], separator: CsvSeparator = ','): string {
  return csvDocument(
    COLUMNS,
    events.map((event) => [
      event.timestamp ?? '',
      event.triggered_by ?? '',
      event.origin ?? '',
      originLabel(event.origin),
      event.event_type ?? '',
      event.sub_target_type ?? '',
      describeEvent(event),
      event.change ?? '',
      event.original_change ?? '',
      event.user_agent ?? '',
      event.id ?? '',
    ]),
    separator,
  );
}
