import type { OrganizationEvent } from '@/api/organization-events';
import { csvDocument, type CsvSeparator } from '@/lib/csv';
import { describeEvent, originLabel, type EventWords } from '@/lib/event-words';
import type { ActivityMessages } from './messages';

/**
 * The events as CSV, newest first as listed: the exact UTC timestamp, who, from where, what in words and as recorded.
 * The header and the words (origin, description) are in the active language; the recorded values are as sent.
 */
export function eventsCsv(events: readonly OrganizationEvent[], words: EventWords & { columns: ActivityMessages }, separator: CsvSeparator = ','): string {
  const { columns } = words;
  return csvDocument(
    [
      columns.csvTimestamp(),
      columns.csvTriggeredBy(),
      columns.csvOrigin(),
      columns.csvOriginLabel(),
      columns.csvEventType(),
      columns.csvSubTargetType(),
      columns.csvDescription(),
      columns.csvChange(),
      columns.csvOriginalChange(),
      columns.csvUserAgent(),
      columns.csvEventId(),
    ],
    events.map((event) => [
      event.timestamp ?? '',
      event.triggered_by ?? '',
      event.origin ?? '',
      originLabel(event.origin, words.t),
      event.event_type ?? '',
      event.sub_target_type ?? '',
      describeEvent(event, words),
      event.change ?? '',
      event.original_change ?? '',
      event.user_agent ?? '',
      event.id ?? '',
    ]),
    separator,
  );
}
