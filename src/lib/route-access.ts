import { useMatches } from 'react-router';
import { isPermission, type Permission } from '@/api/permissions';

/**
 * The permission a page needs, set once as its route's `handle` (src/app/router.tsx): the layout
 * checks it before the page renders (PermittedOutlet), the page's loader before it requests anything,
 * and a 403 from a backend that does not tell roles shows the same no-access page.
 */
export function useRoutePermission(): Permission | undefined {
  return useMatches()
    .map((match) => match.handle)
    .findLast(isPermission);
}
