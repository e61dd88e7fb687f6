import { lazy, Suspense } from 'react';
import { Outlet, useParams } from 'react-router';
import { mayUse } from '@/api/permissions';
import { useRoutePermission } from '@/lib/route-access';
import { roleIn, useSession } from '@/lib/session';

const NoAccessPage = lazy(() => import('@/components/no-access-page'));

/**
 * The layout of the pages a role may be refused (src/app/router.tsx): the page of the route, or,
 * when the route's permission (its `handle`) is not the caller's, the no-access page instead; the
 * page's code does not run and its data is not requested.
 */
export function Component() {
  const { organizationId = '' } = useParams();
  const role = roleIn(useSession(), organizationId);
  const permission = useRoutePermission();
  if (permission && !mayUse(role, permission)) {
    return (
      <Suspense>
        <NoAccessPage />
      </Suspense>
    );
  }
  return <Outlet />;
}
