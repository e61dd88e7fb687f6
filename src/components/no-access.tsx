import { Fragment } from 'react';
import { useLocation } from 'react-router';
import { richText } from '@/lib/rich-text';
import { useCurrentOrganization } from '@/lib/use-organization';
import { useComponentMessages } from './messages';
import { Card } from './ui/card';

/** The pages a role may be refused, by their address in the organization (what follows /organizations/:id/), as the messages name them. */
const PAGES = new Map<string, string>([
  ['billing-details', 'billingDetails'],
  ['payment-methods', 'paymentMethods'],
  ['invoices', 'invoices'],
  ['usage', 'usage'],
  ['subscription', 'subscription'],
  ['activity', 'activity'],
]);

/**
 * The page at this address, as the messages' `page` selects it ('other' for any page not listed):
 * each says its own title and who may use it. Here rather than in the routes, so that the first
 * page's JavaScript does not carry it.
 */
export function useNoAccessPage(): string {
  const { pathname } = useLocation();
  return PAGES.get(pathname.split('/')[3] ?? '') ?? 'other';
}

/**
 * What a role may not see, said plainly, without asking the API for data the role cannot read, and
 * who can help: the organization's admins, when the API names them (`admin_emails`), who can change
 * a member's role.
 */
export function NoAccess({ inCard = false }: { /** Already inside a card: no frame of its own. */ inCard?: boolean }) {
  const t = useComponentMessages();
  const { organization, role } = useCurrentOrganization();
  const organizationName = organization?.name;
  const admins = organization?.admin_emails ?? [];
  const page = useNoAccessPage();
  const Frame = inCard ? 'div' : Card;
  const adminLinks = () =>
    admins.map((email, index) => (
      <Fragment key={email}>
        {index > 0 && ', '}
        <a href={`mailto:${email}`} className="font-medium text-link underline">
          {email}
        </a>
      </Fragment>
    ));
  return (
    <Frame>
      <h2 className="text-base font-semibold text-ink">{t.noAccessHeading({ page })}</h2>
      <p className="mt-2 text-sm text-ink-muted">
        {organizationName ? t.yourRoleIn({ role: role ?? 'unknown', organization: organizationName }) : t.yourRole({ role: role ?? 'unknown' })} {t.noAccessWho({ page })}
      </p>
      <p className="mt-2 text-sm text-ink-muted">
        {admins.length === 0
          ? t.askAnAdmin()
          : richText(organizationName ? t.askAdminsOf({ count: admins.length, organization: organizationName }) : t.askAdminsOfYours({ count: admins.length }), {
              admins: adminLinks,
            })}
      </p>
    </Frame>
  );
}
