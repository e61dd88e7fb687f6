import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Organization } from '@/api/contract';

/**
 * Switches organization and stays on the same area when possible: /organizations/A/invoices becomes
 * /organizations/B/invoices (the new organization's page then checks the role itself).
 */
export function OrgSwitcher({ organizations, currentId }: { organizations: readonly Organization[]; currentId: string }) {
  const id = useId();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const area = pathname.split('/')[3] ?? 'overview';
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="sr-only sm:not-sr-only sm:text-sm sm:text-ink-muted">
        Organization
      </label>
      <select
        id={id}
        value={currentId}
        onChange={(event) => void navigate(`/organizations/${event.target.value}/${area}`)}
        className="h-9 min-w-0 max-w-[12rem] rounded-md border border-line-strong bg-surface px-2 text-sm font-medium text-ink sm:max-w-xs"
      >
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
    </div>
  );
}
