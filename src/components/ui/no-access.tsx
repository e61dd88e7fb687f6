import { ROLE_LABELS, type Role } from '@/api/permissions';
import { Card } from './card';

/** What a role may not see, said plainly, without asking the API for data the role cannot read. */
export function NoAccess({ area, role, who, organizationName }: { area: string; role: Role | null; who: string; organizationName?: string }) {
  return (
    <Card>
      <h2 className="text-base font-semibold text-ink">{area} are not available to your role</h2>
      <p className="mt-2 text-sm text-ink-muted">
        {role ? `You are a ${ROLE_LABELS[role].toLowerCase()}` : 'Your role'}
        {organizationName ? ` in ${organizationName}` : ''}. {who}
      </p>
    </Card>
  );
}
