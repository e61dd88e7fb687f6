import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOICE_STATUSES } from '#api/contract';
import { INVOICE_STATUS_LABELS } from '#api/invoice-status-labels';
import { placeholders, readCatalog } from '#lib/catalog-files';
import { documentText } from '../documents/document-text';
import { DOCUMENT_LANGUAGES } from '../documents/language';

/**
 * The documents' catalogs (server/documents/messages/<language>.json): each translation has the
 * English catalog's messages, no more and no fewer, each one valid ICU MessageFormat with the same
 * placeholders, so that no value is lost in translation.
 */
const dir = join(import.meta.dirname, '../documents/messages');

function read(language: string): Record<string, string> {
  return readCatalog(join(dir, `${language}.json`));
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
