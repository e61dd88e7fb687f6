import * as z from 'zod/mini';
import { ApiError } from '@/api/api-error';
import type { Credentials, TokenScheme } from '@/api/client';
import { listOrganizations } from '@/api/endpoints';
import type { OrganizationList } from '@/api/contract';
import { getSandboxSession, type SessionResponse } from '@/api/sandbox';
import type { Session } from '@/lib/session';

export const signInSchema = z.object({
  token: z.string().check(z.trim(), z.minLength(1, 'Paste your API token')),
  scheme: z.enum(['auto', 'Token', 'Bearer']),
});
export type SignInValues = z.infer<typeof signInSchema>;

const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * Accepts a token pasted with or without its scheme ("Bearer x", "Token x", "x"). Without one,
 * a JWT goes as Bearer and anything else as an API token.
 */
export function toCredentials(values: SignInValues): Credentials {
  const match = /^(bearer|token)\s+(\S+)$/i.exec(values.token);
  const token = match?.[2] ?? values.token.replace(/\s+/g, '');
  let scheme: TokenScheme;
  if (values.scheme !== 'auto') scheme = values.scheme;
  else if (match?.[1]) scheme = match[1].toLowerCase() === 'bearer' ? 'Bearer' : 'Token';
  else scheme = JWT.test(token) ? 'Bearer' : 'Token';
  return { scheme, token };
}

export interface SignInResult {
  session: Session;
  organizations: OrganizationList;
  sandboxSession: SessionResponse | null;
}

/**
 * Checks the token against the contract itself (listOrganizations) so that it works with any
 * backend; the sandbox also tells the user and roles. A real backend has no /sandbox: roles stay unknown.
 */
export async function signIn(credentials: Credentials): Promise<SignInResult> {
  const organizations = await listOrganizations(undefined, credentials);
  let sandboxSession: SessionResponse | null = null;
  try {
    sandboxSession = await getSandboxSession(credentials);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  return {
    organizations,
    sandboxSession,
    session: {
      ...credentials,
      sandbox: sandboxSession !== null,
      user: sandboxSession?.user ?? null,
      memberships: sandboxSession?.memberships ?? null,
    },
  };
}

/** Only same-site paths may follow sign-in: no "//evil.test" or absolute URLs (open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/sign-in')) return '/organizations';
  return next;
}
