import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { Component as PermittedLayout } from '@/app/permitted-outlet';
import { appRoutes } from '@/app/router';
import { setSession } from '@/lib/session';
import type { Role } from '@/api/permissions';

/** A fresh QueryClient per test, without retries so that error states show at once. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
}

export function signInAs(token: string, memberships: Array<{ organization_id: string; organization_name: string; role: Role }>): void {
  setSession({ scheme: 'Token', token, sandbox: true, user: { id: 'test', email: 'test@acme.test', name: 'Test User' }, memberships });
}

/** The `handle` the console's router gives the route of this pattern (its permission), if any. */
function appHandle(pattern: string, routes: RouteObject[], parent = ''): unknown {
  for (const route of routes) {
    const path = route.path ? `${parent}/${route.path}` : parent;
    if (path === pattern && route.handle !== undefined) return route.handle;
    const found = route.children ? appHandle(pattern, route.children, path) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Renders one page inside a data router (the pages use loaders' siblings: useParams, useBlocker),
 * under the layout's permission check with the route's handle, as in the console.
 */
export function renderRoute(path: string, pattern: string, element: ReactNode, queryClient = testQueryClient()) {
  const router = createMemoryRouter(
    [
      { Component: PermittedLayout, children: [{ path: pattern, element, handle: appHandle(pattern, appRoutes(queryClient)) }] },
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

/** The whole console, routes, loaders and shell included, at `path`. */
export function renderApp(path: string) {
  const queryClient = testQueryClient();
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [path] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}
