import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Role } from '@/api/permissions';
import { organizationsQuery } from '@/api/queries';
import type { Organization } from '@/api/contract';
import { roleIn, useSession } from './session';

export interface CurrentOrganization {
  organizationId: string;
  organization: Organization | undefined;
  /** null when the backend does not tell roles: the page shows everything and explains a 403. */
  role: Role | null;
}

/** The organization of the URL, from the list the layout already loaded, and the caller's role in it. */
export function useCurrentOrganization(): CurrentOrganization {
  const { organizationId = '' } = useParams();
  const session = useSession();
  const { data } = useQuery({
    ...organizationsQuery(),
    select: (list) => list.results?.find((organization) => organization.id === organizationId),
  });
  return { organizationId, organization: data, role: roleIn(session, organizationId) };
}
