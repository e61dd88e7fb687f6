import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceReference } from './invoice-reference';

describe('invoice references', () => {
  it('are INV- and the id’s first 10 letters and digits, upper case', () => {
    expect(invoiceReference('6511c830-b047-4506-a368-790d3f3a31fc')).toBe('INV-6511C830B0');
    expect(invoiceReference('6511C830-B047-4506-A368-790D3F3A31FC')).toBe('INV-6511C830B0');
    expect(invoiceReference('in_1Ab')).toBe('INV-IN1AB');
    expect(invoiceReference('---')).toBe('---');
  });

  it('are what the regular expression they replace gives, for any id', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), fc.string(), fc.string({ unit: 'binary' })), (id) => {
        const compact = id
          .replace(/[^0-9a-z]/gi, '')
          .slice(0, 10)
          .toUpperCase();
        expect(invoiceReference(id)).toBe(compact === '' ? id : `INV-${compact}`);
      }),
    );
  });
});
