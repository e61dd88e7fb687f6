import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setSession } from '@/lib/session';
import type { Role } from '@/api/permissions';

/** A fresh QueryClient per test, without retries so that error states show at once. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
}

export function signInAs(token: string, memberships: Array<{ organization_id: string; organization_name: string; role: Role }>): void {
  setSession({ scheme: 'Token', token, sandbox: true, user: { id: 'test', email: 'test@acme.test', name: 'Test User' }, memberships });
}

/** Renders one page inside a data router (the pages use loaders' siblings: useParams, useBlocker). */
export function renderRoute(path: string, pattern: string, element: ReactNode, queryClient = testQueryClient()) {
  const router = createMemoryRouter(
    [
      { path: pattern, element },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { initialEntries: [path] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
