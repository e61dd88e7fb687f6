import { defineMessages } from '@/lib/i18n';
import english from './messages/en.json?messages';
import type source from './messages/en.json';

export const useActivityMessages = defineMessages<typeof source>(english, import.meta.glob(['./messages/*.json', '!./messages/en.json'], { query: '?messages' }));
export type ActivityMessages = ReturnType<typeof useActivityMessages>;
