import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AppLoading } from '@/components/ui/app-loading';
import { setSession } from '@/lib/session';
import { useAuthMessages } from './messages';

export interface SignOutState {
  signOut: true;
  /** Where to come back after signing in again, when the session ended by itself. */
  next?: string;
}

export function isSignOutState(state: unknown): state is SignOutState {
  return typeof state === 'object' && state !== null && 'signOut' in state && state.signOut === true;
}

/**
 * Signing out is a navigation to this page, so that it asks first where a page holds unsaved changes
 * (their blocker), and the session and the cache are forgotten only once the pages that used them
 * have gone: forgotten while they are mounted, their queries would start again without a token.
 * Reached by a typed URL or a link from elsewhere (no state), it signs nobody out.
 */
export function Component() {
  const t = useAuthMessages();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const state: unknown = location.state;

  useEffect(() => {
    if (!isSignOutState(state)) {
      void navigate('/', { replace: true });
      return;
    }
    setSession(null);
    queryClient.clear();
    void navigate(state.next ? `/sign-in?next=${encodeURIComponent(state.next)}&expired=1` : '/sign-in', { replace: true });
  }, [navigate, queryClient, state]);

  return <AppLoading label={t.signingOut()} />;
}
