import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';
import { signInSchema, toCredentials } from './sign-in';

function credentialsFor(token: string, scheme: 'auto' | 'Token' | 'Bearer' = 'auto') {
  const parsed = signInSchema.safeParse({ token, scheme });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  return toCredentials(parsed.data);
}

describe('a pasted token', () => {
  it.each([
    ['the token alone', 'sbx_admin_acme', { scheme: 'Token', token: 'sbx_admin_acme' }],
    ['with its scheme', 'Token sbx_admin_acme', { scheme: 'Token', token: 'sbx_admin_acme' }],
    ['a JWT', 'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl', { scheme: 'Bearer', token: 'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl' }],
    ['in smart quotes', '“sbx_admin_acme”', { scheme: 'Token', token: 'sbx_admin_acme' }],
    ['in straight quotes after its scheme', 'Bearer "sbx_admin_acme"', { scheme: 'Bearer', token: 'sbx_admin_acme' }],
    ['in single smart quotes', '‘sbx_admin_acme’', { scheme: 'Token', token: 'sbx_admin_acme' }],
    ['with a zero-width space inside', 'sbx_admin\u200b_acme', { scheme: 'Token', token: 'sbx_admin_acme' }],
    ['with a byte order mark and a no-break space', '\ufeffToken\u00a0sbx_admin_acme', { scheme: 'Token', token: 'sbx_admin_acme' }],
    ['as a whole header line', 'Authorization: Token sbx_admin_acme', { scheme: 'Token', token: 'sbx_admin_acme' }],
    ['as a quoted header line', '"authorization: Bearer sbx_admin_acme"', { scheme: 'Bearer', token: 'sbx_admin_acme' }],
  ])('%s is sent as the token it holds', (_what, pasted, expected) => {
    expect(credentialsFor(pasted)).toEqual(expected);
  });

  it('is refused as a token, naming the character, when it holds one no token has', () => {
    expect(credentialsFor('sbx_admin_acme😀')).toEqual({ error: 'The token contains “😀”, which no API token has. Copy the token again from where it was created.' });
    expect(credentialsFor('sbx_admin_é')).toEqual({ error: 'The token contains “é”, which no API token has. Copy the token again from where it was created.' });
  });

  it('is asked for when only quotes or invisible characters were pasted', () => {
    expect(credentialsFor('“”')).toEqual({ error: 'Paste your API token' });
    expect(credentialsFor('\u200b \u2060')).toEqual({ error: 'Paste your API token' });
  });

  it('keeps the scheme chosen by hand', () => {
    expect(credentialsFor('Token sbx_admin_acme', 'Bearer')).toEqual({ scheme: 'Bearer', token: 'sbx_admin_acme' });
  });
});

describe('the page after sign-in', () => {
  it('is a path of this site only', () => {
    expect(safeNext('/organizations/x/invoices?status=PAID')).toBe('/organizations/x/invoices?status=PAID');
    expect(safeNext('//evil.test')).toBe('/organizations');
    expect(safeNext('https://evil.test')).toBe('/organizations');
    expect(safeNext('/sign-in?next=/x')).toBe('/organizations');
    expect(safeNext('/sign-out')).toBe('/organizations');
  });
});
