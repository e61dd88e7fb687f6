import { defineMessages } from '@/lib/i18n';
import english from './messages/en.json?messages';
import type source from './messages/en.json';

/** The words of the "Email all invoices" confirmation, loaded with it. */
export const useEmailAllMessages = defineMessages<typeof source>(english, import.meta.glob(['./messages/*.json', '!./messages/en.json'], { query: '?messages' }));
