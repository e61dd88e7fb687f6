import { codeOf, coded, type MessageParams } from '@/api/field-messages';
import { defineMessages, formattingLocale } from '@/lib/i18n';

/**
 * Field errors in the active language. A shared schema's message, or a server's field error, is
 * English text filed under a stable code (src/api/field-messages.ts); the translations of those codes
 * are `field-messages/<language>.json`. English needs no catalog at run time: it is the text itself
 * (`field-messages/en.json` is the translators' source, checked against the schemas by
 * field-messages.test.ts). A message without a known code shows as it came.
 */
const useFieldMessages = defineMessages<Record<string, string>>({}, import.meta.glob(['./field-messages/*.json', '!./field-messages/en.json'], { query: '?messages' }));

// The messages src/api/client.ts gives a request that failed without the server saying why, filed
// like field errors (field-messages/<language>.json). Written out again rather than filed by
// client.ts, which every first page carries, so that those pages do not carry the codes too;
// request-errors.test.tsx checks that they are client.ts's words.
coded('request.unreachable', 'Could not reach the server. Check your connection, then retry.');
coded('request.session_ended', 'Your session has ended. Sign in again.');
coded('request.forbidden', 'Your role does not allow this.');
coded('request.not_found', 'Not found.');
coded('request.too_large', 'The request is too large.');
coded('request.too_many', 'Too many requests: wait a moment, then retry.');
coded('request.server_problem', 'The server had a problem. Try again in a moment.');
coded('request.not_json', 'The server answered with something that is not JSON.');
// A 4xx the client names no better (fallbackMessage), for each status it may be.
for (let status = 400; status < 500; status += 1) coded('request.failed', `The request failed (${status}).`, { status });

/** Parameters named `country` (an ISO code), `lengths` ("13,16,19") and `date` (a billing day, 2026-01-31) are said in the active language. */
function localized(params: MessageParams): Record<string, string | number> {
  const locale = formattingLocale();
  const values: Record<string, string | number> = { ...params };
  if (typeof params.country === 'string') values.country = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(params.country) ?? params.country;
  if (typeof params.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.date))
    // As formatBillingDate(day, 'long') says it, with Intl alone: src/lib/date-format.ts rides in the pages' common
    // chunk, which the sign-in page (a field, no common chunk) must not load.
    values.date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${params.date}T00:00:00Z`));
  if (typeof params.lengths === 'string') values.lengths = new Intl.ListFormat(locale, { type: 'disjunction' }).format(params.lengths.split(','));
  return values;
}

export function useFieldErrorText(): (message: string) => string {
  const t = useFieldMessages();
  return (message) => {
    const known = codeOf(message);
    if (!known) return message;
    const values = localized(known.params);
    const translate = t[known.code];
    if (translate) return translate(values);
    // English, the text itself: its day is said in words too ("expired on September 30, 2024").
    const day = known.params.date;
    return typeof day === 'string' && typeof values.date === 'string' ? message.split(day).join(values.date) : message;
  };
}
