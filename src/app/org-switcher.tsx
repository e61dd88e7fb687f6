import { useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Organization } from '@/api/contract';
import { useDismiss } from '@/components/ui/use-dismiss';
import { useUiMessages } from '@/components/ui/messages';

/**
 * Switches organization and stays on the same area when possible: /organizations/A/invoices becomes
 * /organizations/B/invoices (the new organization's page then checks the role itself).
 *
 * A button that shows the organizations as links, rather than a <select>: a select changes its value
 * as arrow keys move through it, and navigating on that change would take a keyboard user to another
 * organization before they chose one (WCAG 3.2.2). A link is followed only when it is chosen.
 */
export function OrgSwitcher({ organizations, currentId }: { organizations: readonly Organization[]; currentId: string }) {
  const t = useUiMessages();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const area = pathname.split('/')[3] ?? 'overview';
  const current = organizations.find((organization) => organization.id === currentId);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useDismiss(open, setOpen, buttonRef, listRef);

  return (
    <div className="relative flex min-w-0 items-center gap-2">
      <span aria-hidden="true" className="hidden text-sm text-ink-muted sm:inline">
        {t.organization()}
      </span>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="flex h-9 min-w-0 max-w-[12rem] items-center gap-2 rounded-md border border-line-strong bg-surface px-2 text-sm font-medium text-ink hover:bg-surface-muted sm:max-w-xs"
      >
        {/* The name first: what the button shows starts what it is called (WCAG 2.5.3). */}
        <span className="truncate">{current?.name ?? t.chooseOrganization()}</span>
        <span className="sr-only">{t.switchOrganization()}</span>
        <span aria-hidden="true" className="text-xs text-ink-muted">
          ▾
        </span>
      </button>
      {open && (
        <ul
          ref={listRef}
          id={listId}
          className="absolute start-0 top-full z-40 mt-1 max-h-80 min-w-full overflow-auto rounded-md border border-line bg-surface p-1 shadow-lg sm:start-auto sm:end-0"
        >
          {organizations.map((organization) => (
            <li key={organization.id}>
              <Link
                to={`/organizations/${organization.id}/${area}`}
                aria-current={organization.id === currentId ? 'true' : undefined}
                onClick={() => setOpen(false)}
                className="block whitespace-nowrap rounded px-3 py-2 text-sm text-ink hover:bg-surface-muted aria-[current=true]:font-semibold"
              >
                {organization.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
