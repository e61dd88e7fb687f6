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

export const demoUsersSchema = z.object({
  users: z.array(
    z.object({
      token: z.string(),
      email: z.string(),
      name: z.string(),
      memberships: z.array(z.object({ organization_name: z.string(), role: z.enum(ROLES) })),
    }),
  ),
  credit_codes: z.array(z.object({ code: z.string(), description: z.string() })),
  declined_card: z.string(),
});
export type DemoUsers = z.infer<typeof demoUsersSchema>;

export const getSandboxSession = (credentials?: Credentials, signal?: AbortSignal) => request('/sandbox/session', sessionResponseSchema, { credentials, signal });

export const getDemoUsers = (signal?: AbortSignal) => request('/sandbox/demo-users', demoUsersSchema, { signal });
