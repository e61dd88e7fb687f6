import type { FieldError } from './api-error';

/**
 * Field errors' stable codes (DESIGN.md, "Language"): a shared schema's message is English text for
 * API clients, and `coded` files it under a code and its parameters, which the server sends beside
 * the text (`{ field, message, code, params }`) and the console translates
 * (src/components/ui/field-error-text.ts). A message without a code shows as it is.
 */
export type MessageParams = Readonly<Record<string, string | number>>;
export interface CodedMessage {
  code: string;
  params: MessageParams;
}

const byText = new Map<string, CodedMessage>();

/** The English `text` of the error `code`; `params` are the values it names (a `country` is an ISO code). */
export function coded(code: string, text: string, params: MessageParams = {}): string {
  if (!byText.has(text)) byText.set(text, { code, params });
  return text;
}

/** The code and parameters of an English message, when a schema or the server filed one. */
export function codeOf(text: string): CodedMessage | undefined {
  return byText.get(text);
}

/** Files a server's field error under the code it came with, so that a client can say it in its own words. */
export function fileFieldError(error: { message: string; code?: string | undefined; params?: Readonly<Record<string, unknown>> | undefined }): void {
  if (!error.code) return;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  coded(error.code, error.message, params);
}

/** Every message filed so far, by its English text (for the catalog's tests). */
export function filedMessages(): ReadonlyMap<string, CodedMessage> {
  return byText;
}

/** A server's field errors with the codes and parameters of their messages (`{ field, message, code, params }`). */
export function withCodes(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => {
    const known = codeOf(error.message);
    return known ? { ...error, code: known.code, params: { ...known.params } } : error;
  });
}
