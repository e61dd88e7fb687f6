import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, data, redirect, type LoaderFunction, type LoaderFunctionArgs, type RouteObject, type ShouldRevalidateFunction } from 'react-router';
import { isPermission, mayUse } from '@/api/permissions';
import { organizationsQuery } from '@/api/queries';
import { billingDetailsLoader } from '@/features/billing-info/loader';
import { creditsLoader } from '@/features/credits/loader';
import { invoiceDetailLoader, invoicesLoader } from '@/features/invoices/loader';
import { overviewLoader } from '@/features/overview/loader';
import { paymentMethodsLoader } from '@/features/payment-methods/loader';
import { planLoader } from '@/features/plan/loader';
import { usageLoader } from '@/features/usage/loader';
import { lastOrganization } from '@/lib/last-organization';
import { AppLoading } from '@/components/ui/app-loading';
import { safeNext } from '@/features/auth/safe-next';
import { getSession, roleIn } from '@/lib/session';
import { sessionRefreshQuery } from '@/lib/session-query';
import { AppShell } from './app-shell';
import { NotFound } from './routes/not-found';

function requireSession(request: Request) {
  const session = getSession();
  if (!session) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return session;
}

/**
 * An organization's page; its `handle`, when set, is the permission it needs (checked by the layout,
 * PermittedOutlet). Its loader runs alongside the organization check; it does not start when the
 * session already knows the caller is not a member (the page will answer not found) or that the
 * route's permission is not the caller's (the no-access page needs no data).
 */
/**
 * Pages whose reads are theirs alone (the costs page's clusters, the subscription's Cloud Plans
 * billing, the events) load their loaders lazily, so that those reads' schemas stay off the first
 * page: the costs and subscription loaders each in a small chunk of their own, fetched alongside the
 * page's code rather than after it; Activity's with its page (see its route).
 */
const activityPage = () => import('@/features/activity/activity-route');
const costsLoader = async () => (await import('@/features/costs/loader')).costsLoader;
const subscriptionLoader = async () => (await import('@/features/subscription/loader')).subscriptionLoader;

function memberPage(route: RouteObject & { loader: LoaderFunction }): RouteObject {
  const { loader } = route;
  const permission: unknown = route.handle;
  return {
    ...route,
    loader: (args) => {
      const organizationId = args.params.organizationId ?? '';
      const session = getSession();
      const skip =
        // Not the console's address for the organization: the layout's loader redirects to it.
        organizationId !== organizationId.toLowerCase() ||
        session?.memberships?.some((membership) => membership.organization_id === organizationId) === false ||
        (isPermission(permission) && !mayUse(roleIn(session, organizationId), permission));
      return skip ? null : loader(args);
    },
  };
}

/**
 * Loaders here only start queries (TanStack Query owns freshness), so a navigation that changes
 * nothing but the search params (an invoice filter, a sort) has nothing to load: skipping them keeps
 * such a change to one render instead of a round of loaders first.
 */
const onPathChange: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) => (currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate);

// A page that failed is rare: its code comes when one does, not with every first page.
const RouteError = lazy(async () => ({ default: (await import('./routes/route-error')).RouteError }));
function RouteErrorPage() {
  return (
    <Suspense fallback={<AppLoading />}>
      <RouteError />
    </Suspense>
  );
}

/**
 * Route modules are lazy; their loaders are not, so that a page's data starts loading with its code
 * rather than after it (no waterfall).
 */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      errorElement: <RouteErrorPage />,
      // Shown while the first page's loaders run (the org list, at most a few hundred ms).
      hydrateFallbackElement: <AppLoading />,
      children: [
        { index: true, loader: () => redirect(getSession() ? '/organizations' : '/sign-in') },
        {
          path: 'sign-in',
          // Already signed in (a bookmark, the back button): the form has nothing to do.
          loader: ({ request }: LoaderFunctionArgs) => {
            if (getSession()) throw redirect(safeNext(new URL(request.url).searchParams.get('next')));
            return null;
          },
          lazy: { Component: () => import('@/features/auth/sign-in-route').then((module) => module.Component) },
        },
        { path: 'sign-out', lazy: { Component: async () => (await import('@/features/auth/sign-out-route')).Component } },
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
            const requested = params.organizationId ?? '';
            const organization = results.find((candidate) => candidate.id.toLowerCase() === requested.toLowerCase());
            if (!organization) throw data('Organization not found', { status: 404 });
            // Ids are case-insensitive (UUIDs): an id typed or linked in upper case goes to the address the console uses.
            if (organization.id !== requested) {
              const url = new URL(request.url);
              throw redirect(url.pathname.replace(`/organizations/${requested}`, `/organizations/${organization.id}`) + url.search);
            }
            return null;
          },
          shouldRevalidate: onPathChange,
          element: <AppShell />,
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, loader: () => redirect('overview') },
            memberPage({
              path: 'overview',
              loader: overviewLoader(queryClient),
              lazy: { Component: () => import('@/features/overview/overview-route').then((module) => module.Component) },
            }),
            memberPage({
              path: 'credits',
              loader: creditsLoader(queryClient),
              lazy: { Component: () => import('@/features/credits/credits-route').then((module) => module.Component) },
            }),
            memberPage({
              path: 'costs',
              loader: async (args) => (await costsLoader())(queryClient)(args),
              lazy: { Component: () => import('@/features/costs/costs-route').then((module) => module.Component) },
            }),
            memberPage({
              path: 'plan',
              loader: planLoader(queryClient),
              lazy: { Component: () => import('@/features/plan/plan-route').then((module) => module.Component) },
            }),
            {
              // The pages a role may be refused: their layout checks each one's permission (its
              // `handle`). Lazy, so that it loads with such a page, never with the first one.
              lazy: { Component: () => import('./permitted-outlet').then((module) => module.Component) },
              children: [
                memberPage({
                  path: 'billing-details',
                  handle: 'billing:read',
                  loader: billingDetailsLoader(queryClient),
                  lazy: { Component: () => import('@/features/billing-info/billing-details-route').then((module) => module.Component) },
                }),
                memberPage({
                  path: 'payment-methods',
                  handle: 'billing:read',
                  loader: paymentMethodsLoader(queryClient),
                  lazy: { Component: () => import('@/features/payment-methods/payment-methods-route').then((module) => module.Component) },
                }),
                memberPage({
                  path: 'invoices',
                  handle: 'billing:read',
                  loader: invoicesLoader(queryClient),
                  shouldRevalidate: onPathChange,
                  lazy: { Component: () => import('@/features/invoices/invoices-route').then((module) => module.Component) },
                }),
                memberPage({
                  path: 'invoices/:invoiceId',
                  handle: 'billing:read',
                  loader: invoiceDetailLoader(queryClient),
                  lazy: { Component: () => import('@/features/invoices/invoice-detail-route').then((module) => module.Component) },
                }),
                memberPage({
                  path: 'usage',
                  handle: 'billing:read',
                  loader: usageLoader(queryClient),
                  lazy: { Component: () => import('@/features/usage/usage-route').then((module) => module.Component) },
                }),
                memberPage({
                  path: 'subscription',
                  handle: 'subscription:read',
                  loader: async (args) => (await subscriptionLoader())(queryClient)(args),
                  shouldRevalidate: onPathChange,
                  lazy: { Component: () => import('@/features/subscription/subscription-route').then((module) => module.Component) },
                }),
                memberPage({
                  path: 'activity',
                  handle: 'billing:read',
                  // Its loader comes with its page's module, in the same chunk: a loader module of its own made the
                  // events' query a chunk shared by two, and the bundler then split the entry in two (1.5 KB more
                  // on every first page).
                  loader: async (args) => (await activityPage()).activityLoader(queryClient)(args),
                  lazy: { Component: async () => (await activityPage()).Component },
                }),
              ],
            },
            { path: '*', element: <NotFound inShell /> },
          ],
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ];
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}
