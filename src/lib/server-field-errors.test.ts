import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/api-error';
import { showServerFieldErrors } from './server-field-errors';

const FIELDS = ['first_name', 'email', 'zip'] as const;

function badRequest(errors: { field: string; message: string }[]) {
  return new ApiError(400, 'Invalid billing info', errors);
}

describe('showServerFieldErrors', () => {
  it('puts each error on its field and focuses the first one in the form’s order, not the server’s', () => {
    const setError = vi.fn();
    const shown = showServerFieldErrors(
      badRequest([
        { field: 'zip', message: 'Enter a French postal code' },
        { field: 'email', message: 'Enter a real email' },
      ]),
      FIELDS,
      setError,
    );
    expect(shown).toBe(true);
    expect(setError.mock.calls).toEqual([
      ['email', { type: 'server', message: 'Enter a real email' }, { shouldFocus: true }],
      ['zip', { type: 'server', message: 'Enter a French postal code' }, { shouldFocus: false }],
    ]);
  });

  it('leaves errors on fields the form does not have, and other failures, to the caller', () => {
    const setError = vi.fn();
    expect(showServerFieldErrors(badRequest([{ field: 'plan', message: 'Unknown plan' }]), FIELDS, setError)).toBe(false);
    expect(showServerFieldErrors(new Error('Network down'), FIELDS, setError)).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });
});
