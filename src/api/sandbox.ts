import * as z from 'zod/mini';
import { request, type Credentials } from './client';
import { ROLES } from './permissions';

/** Sandbox-only endpoints (absent with a real backend): who am I, and the demo sign-ins. */

export const membershipSchema = z.object({
  organization_id: z.string(),
  organization_name: z.string(),
  role: z.enum(ROLES),
});

export const sessionResponseSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  memberships: z.array(membershipSchema),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const getSandboxSession = (credentials?: Credentials, signal?: AbortSignal) => request('/sandbox/session', sessionResponseSchema, { credentials, signal });
