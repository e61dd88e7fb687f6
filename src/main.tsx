import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureApiClient } from '@/api/client';
import { createQueryClient } from '@/app/query-client';
import { createRouter } from '@/app/router';
import { initTheme } from '@/app/theme';
import { Toaster } from '@/components/ui/toast';
import { credentialsOf, getSession, setSession } from '@/lib/session';
import './index.css';

initTheme();
const queryClient = createQueryClient();

// Before the router exists: creating it runs the first page's loaders, whose requests need the token.
configureApiClient({
  getCredentials: () => credentialsOf(getSession()),
  // A rejected token ends the session; the user comes back to this page after signing in again.
  onUnauthorized: () => {
    if (!getSession()) return;
    setSession(null);
    queryClient.clear();
    const { pathname, search } = window.location;
    void router.navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}&expired=1`);
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
