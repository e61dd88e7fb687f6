/**
 * Idempotency-Key, as the server accepts it on every POST: 8 to 100 letters, digits, dashes or
 * underscores (a UUID fits). A retry with the same key and body gets the first answer again.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** A random key (getRandomValues works outside secure contexts too, unlike crypto.randomUUID). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
