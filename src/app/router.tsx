import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, data, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { organizationsQuery } from '@/api/queries';
import { billingDetailsLoader } from '@/features/billing-info/loader';
import { overviewLoader } from '@/features/overview/loader';
import { lastOrganization } from '@/lib/last-organization';
import { getSession } from '@/lib/session';
import { sessionRefreshQuery } from '@/lib/session-query';
import { AppShell } from './app-shell';
import { NAV_ITEMS } from './nav-items';
import { AppLoading } from './routes/app-loading';
import { NotFound } from './routes/not-found';
import { RouteError } from './routes/route-error';

function requireSession(request: Request) {
  const session = getSession();
  if (!session) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return session;
}

const comingSoon = () => import('./routes/coming-soon').then((module) => module.Component);

/** Areas not built yet: real routes (links and reloads work) showing a placeholder page. */
function placeholderRoutes(built: ReadonlySet<string>): RouteObject[] {
  return NAV_ITEMS.filter((item) => !built.has(item.path)).map((item) => ({
    path: item.path,
    handle: { area: item.label },
    lazy: { Component: comingSoon },
  }));
}

/**
 * Route modules are lazy; their loaders are not, so that a page's data starts loading with its code
 * rather than after it (no waterfall).
 */
export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      // Shown while the first page's loaders run (the org list, at most a few hundred ms).
      hydrateFallbackElement: <AppLoading />,
      children: [
        { index: true, loader: () => redirect(getSession() ? '/organizations' : '/sign-in') },
        {
          path: 'sign-in',
          lazy: { Component: () => import('@/features/auth/sign-in-route').then((module) => module.Component) },
        },
        {
          path: 'organizations',
          loader: async ({ request }: LoaderFunctionArgs) => {
            requireSession(request);
            const { results = [] } = await queryClient.ensureQueryData(organizationsQuery());
            const remembered = lastOrganization();
            const target = results.find((organization) => organization.id === remembered) ?? results[0];
            if (target) throw redirect(`/organizations/${target.id}/overview`);
            return null;
          },
          lazy: { Component: () => import('@/features/auth/no-organizations-route').then((module) => module.Component) },
        },
        {
          path: 'organizations/:organizationId',
          loader: async ({ request, params }: LoaderFunctionArgs) => {
            const session = requireSession(request);
            if (session.sandbox) void queryClient.prefetchQuery(sessionRefreshQuery());
            const { results = [] } = await queryClient.ensureQueryData(organizationsQuery());
            if (!results.some((organization) => organization.id === params.organizationId)) {
              throw data('Organization not found', { status: 404 });
            }
            return null;
          },
          element: <AppShell />,
          errorElement: <RouteError />,
          children: [
            { index: true, loader: () => redirect('overview') },
            {
              path: 'overview',
              loader: overviewLoader(queryClient),
              lazy: { Component: () => import('@/features/overview/overview-route').then((module) => module.Component) },
            },
            {
              path: 'billing-details',
              loader: billingDetailsLoader(queryClient),
              lazy: { Component: () => import('@/features/billing-info/billing-details-route').then((module) => module.Component) },
            },
            ...placeholderRoutes(new Set(['overview', 'billing-details'])),
            { path: '*', element: <NotFound /> },
          ],
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
