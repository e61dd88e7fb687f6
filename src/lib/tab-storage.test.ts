import { afterEach, describe, expect, it } from 'vitest';
import { readTabValue, writeTabValue } from './tab-storage';

describe('tab storage', () => {
  afterEach(() => sessionStorage.clear());

  it('keeps a value as JSON under the console’s prefix, which sign-out clears, and null removes it', () => {
    writeTabValue('invoice-selection.org', ['a', 'b']);
    expect(sessionStorage.getItem('billing-console.invoice-selection.org')).toBe('["a","b"]');
    expect(readTabValue('invoice-selection.org')).toEqual(['a', 'b']);
    writeTabValue('invoice-selection.org', null);
    expect(sessionStorage.getItem('billing-console.invoice-selection.org')).toBeNull();
  });

  it('reads what does not parse as nothing', () => {
    sessionStorage.setItem('billing-console.checkout-quantity.org', '{not json');
    expect(readTabValue('checkout-quantity.org')).toBeNull();
    expect(readTabValue('never-written')).toBeNull();
  });
});
