import { describe, expect, it } from 'vitest';
import { exportFilename, filenameFromDisposition } from './save-file';

describe('the file name from Content-Disposition', () => {
  it('reads quoted, bare and RFC 5987 names', () => {
    expect(filenameFromDisposition('attachment; filename="INV-2025-0003.pdf"')).toBe('INV-2025-0003.pdf');
    expect(filenameFromDisposition('attachment; filename=report.csv')).toBe('report.csv');
    expect(filenameFromDisposition(`attachment; filename="fallback.pdf"; filename*=UTF-8''facture%20n%C2%B01.pdf`)).toBe('facture n°1.pdf');
  });

  it('never lets a name climb out of the downloads folder or hide itself', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('_.._etc_passwd');
    expect(filenameFromDisposition('attachment; filename="..hidden"')).toBe('hidden');
    expect(filenameFromDisposition('attachment; filename="a\\b:c.pdf"')).toBe('a_b_c.pdf');
  });

  it('is null when there is none', () => {
    expect(filenameFromDisposition(null)).toBeNull();
    expect(filenameFromDisposition('inline')).toBeNull();
    expect(filenameFromDisposition('attachment; filename=""')).toBeNull();
  });
});

describe('exportFilename', () => {
  it('names the file after the page, the organization, what it holds and the billing day (UTC), in every time zone', () => {
    // 23:30 UTC on June 1 is June 2 in Kiritimati and still June 1 in Honolulu: the name says June 1 in both, like the dates inside.
    expect(exportFilename('invoices', 'Acme Corp', 'csv', { now: new Date('2025-06-01T23:30:00Z') })).toBe('invoices-acme-corp-2025-06-01.csv');
    expect(exportFilename('invoices', 'Acme Corp', 'csv', { now: new Date('2025-06-02T00:00:00Z') })).toBe('invoices-acme-corp-2025-06-02.csv');
    expect(exportFilename('invoices', 'Société Générale / R&D', 'zip', { now: new Date('2025-01-09T12:00:00Z') })).toBe('invoices-societe-generale-r-d-2025-01-09.zip');
    expect(exportFilename('invoices', undefined, 'csv', { now: new Date('2025-01-09T12:00:00Z') })).toBe('invoices-2025-01-09.csv');
    expect(exportFilename('invoices', 'Acme Corp', 'zip', { now: new Date('2025-01-09T12:00:00Z'), qualifier: 'selected-3' })).toBe('invoices-acme-corp-selected-3-2025-01-09.zip');
  });
});
