import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
import { cardNumberError } from '@/api/credit-card';
import { zipError } from '@/api/tax-ids';
import { setLanguage, type Language } from '@/lib/i18n';
import { showServerFieldErrors } from '@/lib/server-field-errors';
import { Field, TextInput } from './field';

/** A field showing `error`, the way a form does. */
function Postcode({ error }: { error: string }) {
  return (
    <Field label="Postal code" error={error}>
      {(props) => <TextInput {...props} />}
    </Field>
  );
}

async function speak(language: Language) {
  await act(() => setLanguage(language));
}

describe('field errors in the active language', () => {
  afterEach(async () => {
    await speak('en');
    localStorage.clear();
  });

  it('shows a shared schema’s message in English as the schema wrote it', () => {
    render(<Postcode error={zipError('7500', 'FR', 'France') ?? ''} />);
    expect(screen.getByText('This is not a valid postal code for France (for example 75001)')).toBeTruthy();
  });

  it('translates a known code, naming the country in the language and keeping the example', async () => {
    await speak('fr');
    render(<Postcode error={zipError('7500', 'FR', 'France') ?? ''} />);
    expect(screen.getByText('Ce code postal n’est pas valide pour le pays France (exemple : 75001)')).toBeTruthy();
    await speak('de');
    expect(screen.getByText('Diese Postleitzahl ist für das Land Frankreich ungültig (Beispiel: 75001)')).toBeTruthy();
  });

  it('says a list of card lengths with the language’s own "or"', async () => {
    await speak('fr');
    render(<Postcode error={cardNumberError('424242424242424') ?? ''} />);
    expect(screen.getByText('Un numéro de carte Visa comporte 13, 16 ou 19 chiffres')).toBeTruthy();
  });

  it('translates a field error the server sent with its code, and shows an uncoded one as it came', async () => {
    await speak('es');
    const failure = new ApiError(400, 'Invalid request', [
      { field: 'zip', message: 'Postal code is required', code: 'zip.required', params: {} },
      { field: 'city', message: 'The city is on fire', code: undefined, params: undefined },
    ]);
    const shown: Record<string, string> = {};
    showServerFieldErrors(failure, ['zip', 'city'], (field, { message }) => (shown[field] = message));
    render(
      <>
        <Postcode error={shown.zip ?? ''} />
        <Postcode error={shown.city ?? ''} />
      </>,
    );
    expect(screen.getByText('El código postal es obligatorio')).toBeTruthy();
    expect(screen.getByText('The city is on fire')).toBeTruthy();
  });

  it('says a credit code refused by the server in the language, its day included', async () => {
    await speak('fr');
    const failure = new ApiError(400, 'Credit code OLD10 expired on 2026-01-31', [
      { field: 'code', message: 'Credit code OLD10 expired on 2026-01-31', code: 'code.expired', params: { code: 'OLD10', date: '2026-01-31' } },
    ]);
    const shown: Record<string, string> = {};
    showServerFieldErrors(failure, ['code'], (field, { message }) => (shown[field] = message));
    render(<Postcode error={shown.code ?? ''} />);
    expect(screen.getByText('Le code de crédit OLD10 a expiré le 31 janvier 2026')).toBeTruthy();
  });
});
