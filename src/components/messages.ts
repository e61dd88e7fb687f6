import { defineMessages } from '@/lib/i18n';
import english from './messages/en.json?messages';
import type source from './messages/en.json';

/**
 * The words of the shared domain components (billing status, CSV export, no access); those of
 * billing events are in ./events. Their translations are provided by the shell (src/app/messages.ts).
 */
export const useComponentMessages = defineMessages<typeof source>(english, import.meta.glob(['./messages/*.json', '!./messages/en.json'], { query: '?messages' }));
export type ComponentMessages = ReturnType<typeof useComponentMessages>;
