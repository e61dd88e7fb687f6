import * as z from 'zod/mini';
import { ApiError } from '@/api/api-error';
import type { Credentials, TokenScheme } from '@/api/client';
import { listOrganizations } from '@/api/endpoints';
import type { OrganizationList } from '@/api/contract';
import { getSandboxSession, type SessionResponse } from '@/api/sandbox';
import type { Message } from '@/lib/i18n';
import type { Session } from '@/lib/session';
import english from './messages/en.json?messages';

/**
 * What copying a token from a mail, a chat or a document adds to it: invisible format characters
 * (zero-width spaces, joiners, byte order marks, direction marks: Unicode's Cf category), and quotes
 * around it, straight or typographic.
 */
const INVISIBLE = /\p{Cf}/gu;
const QUOTES = `"'\`“”‘’«»„‚`;
const AROUND_QUOTES = new RegExp(`^[\\s${QUOTES}]+|[\\s${QUOTES}]+$`, 'g');
const HEADER_PREFIX = /^authorization\s*:\s*/i;
const WITH_SCHEME = /^(bearer|token)\s+(.+)$/i;
/** What an Authorization header can carry and every API token is made of: visible ASCII. */
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;

interface PastedToken {
  scheme: TokenScheme | null;
  token: string;
}

/**
 * Reads a token pasted with or without its scheme ("Bearer x", "Token x", "x"), or as a whole
 * header line ("Authorization: Token x"), after taking off what copying adds (see INVISIBLE).
 */
function readPastedToken(pasted: string): PastedToken {
  const line = pasted.replace(INVISIBLE, '').replace(AROUND_QUOTES, '').replace(HEADER_PREFIX, '');
  const match = WITH_SCHEME.exec(line.trim());
  const scheme = match?.[1] ? (match[1].toLowerCase() === 'bearer' ? 'Bearer' : 'Token') : null;
  const token = (match?.[2] ?? line).replace(AROUND_QUOTES, '').replace(/\s+/g, '');
  return { scheme, token };
}

/** What is wrong with a pasted token, if anything: nothing was pasted, or it holds a character no API token has. */
export type TokenProblem = { problem: 'missing' } | { problem: 'character'; character: string };

export function tokenProblem(pasted: string): TokenProblem | null {
  const { token } = readPastedToken(pasted);
  if (token === '') return { problem: 'missing' };
  // fetch refuses such a header before anything is sent: say what is wrong with the token rather
  // than letting that surface as a network failure.
  if (!TOKEN_CHARACTERS.test(token)) {
    const [character] = [...token].filter((candidate) => !TOKEN_CHARACTERS.test(candidate));
    return { problem: 'character', character: character ?? '' };
  }
  return null;
}

/**
 * A token problem in words: the page passes its catalog, in the active language; the schema says it
 * in English, the catalog's source language, for callers without a language.
 */
export function tokenProblemMessage(problem: TokenProblem, words: { readonly pasteToken?: Message; readonly tokenCharacter?: Message } = english): string {
  const message = problem.problem === 'missing' ? words.pasteToken?.() : words.tokenCharacter?.({ character: problem.character });
  return message ?? '';
}

export const signInSchema = z.object({
  token: z.string().check(
    z.superRefine((value, ctx) => {
      const problem = tokenProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', input: value, message: tokenProblemMessage(problem) });
    }),
  ),
  scheme: z.enum(['auto', 'Token', 'Bearer']),
});
export type SignInValues = z.infer<typeof signInSchema>;

const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * The credentials a checked form sends. A scheme chosen by hand wins; otherwise the pasted one, or,
 * without one, Bearer for a JWT and Token for anything else.
 */
export function toCredentials(values: SignInValues): Credentials {
  const pasted = readPastedToken(values.token);
  let scheme: TokenScheme;
  if (values.scheme !== 'auto') scheme = values.scheme;
  else scheme = pasted.scheme ?? (JWT.test(pasted.token) ? 'Bearer' : 'Token');
  return { scheme, token: pasted.token };
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
