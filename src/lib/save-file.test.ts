import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './save-file';

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
