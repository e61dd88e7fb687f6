/**
 * Payment and file links come from the server; they are opened only when they are https or on our
 * own origin, so that a tampered answer cannot send the user to javascript:, data: or plain-http pages.
 */
export function isSafeToOpen(url: string, origin: string = window.location.origin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' || parsed.origin === origin;
}

/** Whether the console may call `url` itself: its content security policy allows requests to its own origin only (connect-src 'self'). */
export function isSameOrigin(url: string, origin: string = window.location.origin): boolean {
  try {
    return new URL(url, origin).origin === origin;
  } catch {
    return false;
  }
}
