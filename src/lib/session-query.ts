import { queryOptions } from '@tanstack/react-query';
import { getSandboxSession } from '@/api/sandbox';
import { getSession, setSession } from './session';

/**
 * Refreshes the roles kept in the session from the sandbox, in the background of the first page
 * load, so that a role changed since sign-in shows without signing in again.
 */
export const sessionRefreshQuery = () =>
  queryOptions({
    queryKey: ['session'],
    queryFn: async ({ signal }) => {
      const fresh = await getSandboxSession(undefined, signal);
      const session = getSession();
      if (session) setSession({ ...session, user: fresh.user, memberships: fresh.memberships });
      return fresh;
    },
    staleTime: 5 * 60_000,
  });
