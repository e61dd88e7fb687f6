// Apart from sign-in.ts: the router's sign-in loader needs it, and ships with the first page.

/** Only same-site paths may follow sign-in: no "//evil.test" or absolute URLs (open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/sign-in') || next.startsWith('/sign-out')) return '/organizations';
  return next;
}
