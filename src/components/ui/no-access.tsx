import { Fragment } from 'react';
import { ROLE_LABELS, type Role } from '@/api/permissions';
import { useCurrentOrganization } from '@/lib/use-organization';
import { Card } from './card';

/**
 * What a role may not see, said plainly, without asking the API for data the role cannot read, and
 * who can help: the organization's admins, when the API names them (`admin_emails`), who can change
 * a member's role.
 */
export function NoAccess({ area, role, who, organizationName }: { area: string; role: Role | null; who: string; organizationName?: string }) {
  const { organization } = useCurrentOrganization();
  const admins = organization?.admin_emails ?? [];
  return (
    <Card>
      <h2 className="text-base font-semibold text-ink">{area} are not available to your role</h2>
      <p className="mt-2 text-sm text-ink-muted">
        {role ? `You are a ${ROLE_LABELS[role].toLowerCase()}` : 'Your role'}
        {organizationName ? ` in ${organizationName}` : ''}. {who}
      </p>
      <p className="mt-2 text-sm text-ink-muted">
        {admins.length === 0 ? (
          'To be given access, ask an admin of your organization.'
        ) : (
          <>
            To be given access, ask {admins.length === 1 ? 'an admin' : 'one of the admins'} of {organizationName ?? 'your organization'}:{' '}
            {admins.map((email, index) => (
              <Fragment key={email}>
                {index > 0 && ', '}
                <a href={`mailto:${email}`} className="font-medium text-link underline">
                  {email}
                </a>
              </Fragment>
            ))}
            .
          </>
        )}
      </p>
    </Card>
  );
}
