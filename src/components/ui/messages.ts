import { defineMessages } from '@/lib/i18n';
import english from './messages/en.json?messages';
import type source from './messages/en.json';

/**
 * The words of the interface's building blocks: loading, copy, dialogs, fields, page titles, roles,
 * the language menu. Their translations are provided by the shell (src/app/messages.ts).
 */
export const useUiMessages = defineMessages<typeof source>(english, 'ui');
