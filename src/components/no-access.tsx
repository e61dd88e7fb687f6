import { Fragment } from 'react';
import { useLocation } from 'react-router';
import { ROLE_LABELS } from '@/api/permissions';
import { useCurrentOrganization } from '@/lib/use-organization';
import { Card } from './ui/card';

interface NoAccessCopy {
  title: string;
  /** Plural, as in "{area} are not available to your role". */
  area: string;
  /** Who may use the page. */
  who: string;
}

/**
 * What each page a role may be refused says, by its address in the organization (what follows
 * /organizations/:id/). Here rather than in the routes, so that the first page's JavaScript does not
 * carry it.
 */
const COPY = new Map<string, NoAccessCopy>([
  ['billing-details', { title: 'Billing details', area: 'Billing details', who: 'Admins and billing managers of your organization manage its billing details.' }],
  ['payment-methods', { title: 'Payment methods', area: 'Payment methods', who: 'Admins and billing managers of your organization manage its payment methods.' }],
  ['invoices', { title: 'Invoices', area: 'Invoices', who: 'Admins and billing managers of your organization can find and download its invoices.' }],
  ['usage', { title: 'Usage reports', area: 'Usage reports', who: 'Admins and billing managers of your organization generate its usage reports.' }],
  ['subscription', { title: 'Subscription', area: 'Subscription details', who: 'Admins and billing managers of your organization see its Cloud Plans subscription.' }],
  ['activity', { title: 'Activity', area: 'Billing events', who: 'Admins and billing managers of your organization see who changed its billing.' }],
]);
const ANY_PAGE: NoAccessCopy = { title: 'Not available', area: 'These details', who: 'Your organization’s admins decide who may use them.' };

/** The copy of the page at this address. */
export function useNoAccessCopy(): NoAccessCopy {
  const { pathname } = useLocation();
  return COPY.get(pathname.split('/')[3] ?? '') ?? ANY_PAGE;
}

/**
 * What a role may not see, said plainly, without asking the API for data the role cannot read, and
 * who can help: the organization's admins, when the API names them (`admin_emails`), who can change
 * a member's role.
 */
export function NoAccess({ inCard = false }: { /** Already inside a card: no frame of its own. */ inCard?: boolean }) {
  const { organization, role } = useCurrentOrganization();
  const organizationName = organization?.name;
  const admins = organization?.admin_emails ?? [];
  const { area, who } = useNoAccessCopy();
  const Frame = inCard ? 'div' : Card;
  return (
    <Frame>
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
    </Frame>
  );
}
