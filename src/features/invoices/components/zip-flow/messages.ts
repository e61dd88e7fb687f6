import { defineMessages } from '@/lib/i18n';
import english from './messages/en.json?messages';
import type source from './messages/en.json';

/** The words of the ZIP's dialogs and outcome, loaded with them (zip-flow.tsx). */
export const useZipMessages = defineMessages<typeof source>(english, import.meta.glob(['./messages/*.json', '!./messages/en.json'], { query: '?messages' }));
