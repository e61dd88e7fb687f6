import { parse, type Token } from '@messageformat/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOICE_STATUSES } from '#api/contract';
import { INVOICE_STATUS_LABELS } from '#api/invoice-status-labels';
import { documentText } from '../documents/document-text';
import { DOCUMENT_LANGUAGES } from '../documents/language';

/**
 * The documents' catalogs (server/documents/messages/<language>.json): each translation has the
 * English catalog's messages, no more and no fewer, each one valid ICU MessageFormat with the same
 * placeholders, so that no value is lost in translation.
 */
const dir = join(import.meta.dirname, '../documents/messages');

function read(language: string): Record<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(join(dir, `${language}.json`), 'utf8'));
  const catalog: Record<string, string> = {};
  for (const [key, value] of Object.entries(typeof parsed === 'object' && parsed !== null ? parsed : {})) catalog[key] = String(value);
  return catalog;
}

/** The names of a message's arguments, in its plural and select cases too. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'argument' || token.type === 'function') names.add(token.arg);
      else if (token.type === 'plural' || token.type === 'select') {
        names.add(token.arg);
        for (const entry of token.cases) visit(entry.tokens);
      }
    }
  };
  visit(parse(message));
  return [...names].sort();
}

describe('document catalogs', () => {
  const english = read('en');

  for (const language of DOCUMENT_LANGUAGES.filter((candidate) => candidate !== 'en')) {
    it(`${language} has every English message, with the same placeholders`, () => {
      const translated = read(language);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(english)) {
        const translation = translated[key] ?? '';
        expect({ key, placeholders: placeholders(translation) }).toEqual({ key, placeholders: placeholders(message) });
        expect({ key, empty: translation.trim() === '' }).toEqual({ key, empty: false });
      }
    });
  }

  it('names each status in English as the console does, and each count in its plural', async () => {
    const { t } = await documentText('en');
    for (const status of INVOICE_STATUSES) expect(t(`status.${status}`)).toBe(INVOICE_STATUS_LABELS[status]);
    expect(t('mail.body', { organization: 'Initech', count: 1 })).toContain('the one invoice of Initech as a PDF file.');
    expect(t('mail.body', { organization: 'Initech', count: 10_000 })).toContain('all 10,000 invoices of Initech as PDF files.');
    expect((await documentText('fr')).t('mail.body', { organization: 'Initech', count: 10_000 })).toContain('les 10\u202f000 factures');
  });
});
