import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
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
