import { useCurrentOrganization } from '@/lib/use-organization';
import { useComponentMessages } from './messages';
import { NoAccess, useNoAccessPage } from './no-access';
import { PageHeader } from './ui/page-header';

/** A whole page the caller's role may not use: its title, then why and who can help. */
export default function NoAccessPage() {
  const t = useComponentMessages();
  const { organization } = useCurrentOrganization();
  const page = useNoAccessPage();
  const title = t.noAccessTitle({ page });
  return (
    <>
      <PageHeader title={title} documentTitle={organization ? t.noAccessDocumentTitle({ title, organization: organization.name }) : title} />
      <NoAccess />
    </>
  );
}
