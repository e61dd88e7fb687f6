import { defineMessages } from '@/lib/i18n';
import english from './messages/en.json?messages';
import type source from './messages/en.json';

/**
 * The words of billing events: the event item and the descriptions of src/lib/event-words.ts. Apart
 * from the components' catalog, which every page with a query state loads: only the Activity page
 * shows events, so only its chunk carries them.
 */
export const useEventMessages = defineMessages<typeof source>(english, import.meta.glob(['./messages/*.json', '!./messages/en.json'], { query: '?messages' }));
export type EventMessages = ReturnType<typeof useEventMessages>;
