import { useFieldErrorText } from './field-error-text';

/** A message in the active language when it is filed under a code (field-error-text.ts), else as it is. */
export function TranslatedMessage({ message }: { message: string }) {
  return useFieldErrorText()(message);
}
