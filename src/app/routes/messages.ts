import { defineMessages } from '@/lib/i18n';
import english from './messages/en.json?messages';
import type source from './messages/en.json';

/** The words of the page shown when a page failed: loaded with it, as it is. */
export const useRouteErrorMessages = defineMessages<typeof source>(english, import.meta.glob(['./messages/*.json', '!./messages/en.json'], { query: '?messages' }));
