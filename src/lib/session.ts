import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import type { Credentials } from '@/api/client';
import type { Role } from '@/api/permissions';
import { membershipSchema } from '@/api/sandbox';

const STORAGE_KEY = 'billing-console.session';

/**
 * The signed-in session, kept for this browser tab only (sessionStorage), never in a URL.
 * `memberships` is null when the backend cannot tell roles (a real Qovery API): the console then
 * shows every area and explains a 403 where it happens.
 */
const sessionSchema = z.object({
  scheme: z.enum(['Bearer', 'Token']),
  token: z.string().check(z.minLength(1)),
  sandbox: z.boolean(),
  user: z.nullable(z.object({ id: z.string(), email: z.string(), name: z.string() })),
  memberships: z.nullable(z.array(membershipSchema)),
});
export type Session = z.infer<typeof sessionSchema>;

let current: Session | null | undefined;
const listeners = new Set<() => void>();

function load(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Signing out forgets everything the console kept for this tab (the session, usage report links…). */
function forgetTab(): void {
  const keys = Array.from({ length: window.sessionStorage.length }, (_, index) => window.sessionStorage.key(index));
  for (const key of keys) if (key?.startsWith('billing-console.')) window.sessionStorage.removeItem(key);
}

export function getSession(): Session | null {
  if (current === undefined) current = load();
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else forgetTab();
  } catch {
    // Storage can be unavailable (private mode quotas); the session then lives until the page reloads.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}

export function credentialsOf(session: Session | null): Credentials | null {
  return session ? { scheme: session.scheme, token: session.token } : null;
}

/** The caller's role in an organization; null when unknown (real backend) or not a member. */
export function roleIn(session: Session | null, organizationId: string): Role | null {
  return session?.memberships?.find((membership) => membership.organization_id === organizationId)?.role ?? null;
}
