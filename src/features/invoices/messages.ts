import { defineMessages, type Message } from '@/lib/i18n';
import english from './messages/en.json?messages';
import type source from './messages/en.json';

/**
 * The invoice list's and the invoice page's words. The ZIP's dialogs and outcome and the "Email all
 * invoices" dialog have catalogs of their own (components/zip-flow, components/email-all), loaded
 * with their code when first used.
 */
export const useInvoicesMessages = defineMessages<typeof source>(english, import.meta.glob(['./messages/*.json', '!./messages/en.json'], { query: '?messages' }));
export type InvoicesMessages = ReturnType<typeof useInvoicesMessages>;

/**
 * One message of the English catalog, for text built outside a component where no language applies
 * (the CSV writer's unit tests).
 */
export function englishMessage(key: keyof typeof source): Message {
  const message = english[key];
  if (!message) throw new Error(`The English catalog has no message ${key}`);
  return message;
}
