import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureApiClient } from '@/api/client';
import '@/app/messages';
import { createQueryClient } from '@/app/query-client';
import { createRouter } from '@/app/router';
import { initTheme } from '@/app/theme';
import { Toaster } from '@/components/ui/toast';
import type { SignOutState } from '@/features/auth/sign-out-route';
import { credentialsOf, getSession } from '@/lib/session';
import './index.css';

initTheme();
const queryClient = createQueryClient();

// Before the router exists: creating it runs the first page's loaders, whose requests need the token.
configureApiClient({
  getCredentials: () => credentialsOf(getSession()),
  // A rejected token ends the session (through the sign-out page, which asks first about unsaved
  // changes); the user comes back to this page after signing in again.
  onUnauthorized: () => {
    if (!getSession()) return;
    const { pathname, search } = window.location;
    const state: SignOutState = { signOut: true, next: pathname + search };
    void router.navigate('/sign-out', { state });
  },
});
const router = createRouter(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>
  </StrictMode>,
);
