import { ApiError } from '@/api/api-error';
import { fileFieldError } from '@/api/field-messages';

type SetFieldError<F extends string> = (field: F, error: { type: 'server'; message: string }, options: { shouldFocus: boolean }) => void;

/**
 * Puts a 400's field errors on the form's fields and focuses the first one in the form's order
 * (`fields` lists them top to bottom). Returns false when none of them belongs to the form, so
 * that the caller shows the message at the form's top instead.
 */
export function showServerFieldErrors<F extends string>(error: unknown, fields: readonly F[], setError: SetFieldError<F>): boolean {
  if (!(error instanceof ApiError)) return false;
  // Known codes show in the active language (src/components/ui/field-error-text.ts).
  error.errors.forEach(fileFieldError);
  const onFields = error.errors
    .map((item) => ({ index: fields.findIndex((field) => field === item.field), message: item.message }))
    .filter((item) => item.index >= 0)
    .sort((a, b) => a.index - b.index);
  onFields.forEach((item, order) => {
    const field = fields[item.index];
    if (field !== undefined) setError(field, { type: 'server', message: item.message }, { shouldFocus: order === 0 });
  });
  return onFields.length > 0;
}
