import * as z from 'zod/mini';
import { request } from './client';
import { ROLES } from './permissions';

/** The sandbox's demo sign-ins (absent with a real backend), apart from sandbox.ts: only the sign-in page reads them. */

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

export const getDemoUsers = (signal?: AbortSignal) => request('/sandbox/demo-users', demoUsersSchema, { signal });
