import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
import { setLanguage } from '@/lib/i18n';
import { provideMessageTranslator } from './error-message';
import { ErrorState } from './error-state';
import { FailureMessage } from './field';

describe('the reference of a failed request', () => {
  it('is shown by an error state and a failure message, for the user to quote', () => {
    const failure = new ApiError(500, 'The server had a problem. Try again in a moment.', [], 'req-7f3a-0001');
    render(
      <>
        <ErrorState title="Could not load the invoices" error={failure} />
        <FailureMessage error={failure}>The card was not added: {failure.message}</FailureMessage>
      </>,
    );
    const [state, message] = screen.getAllByRole('alert');
    expect(state?.textContent).toBe('Could not load the invoicesThe server had a problem. Try again in a moment.Reference: req-7f3a-0001');
    expect(message?.textContent).toBe('The card was not added: The server had a problem. Try again in a moment.Reference: req-7f3a-0001');
  });

  it('is left out when there was no answer to refer to', () => {
    render(<FailureMessage error={new ApiError(0, 'Could not reach the server.')}>The card was not added.</FailureMessage>);
    expect(screen.getByRole('alert').textContent).toBe('The card was not added.');
  });
});

describe('the message of a failed request', () => {
  afterEach(async () => {
    await act(() => setLanguage('en'));
    localStorage.clear();
  });

  it("is in the active language when it is one of the console's own, and as it came otherwise", async () => {
    provideMessageTranslator(async () => (await import('./translated-message')).TranslatedMessage);
    await act(() => setLanguage('fr'));
    render(
      <>
        <ErrorState title="A" error={new ApiError(0, 'Could not reach the server. Check your connection, then retry.')} />
        <ErrorState title="B" error={new ApiError(409, 'Invoice INV-1 is being paid')} />
      </>,
    );
    // No English first, while the words load.
    expect(screen.queryByText(/Could not reach the server/)).toBeNull();
    expect(await screen.findByText('Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.')).toBeTruthy();
    expect(screen.getByText('Invoice INV-1 is being paid')).toBeTruthy();
  });
});
