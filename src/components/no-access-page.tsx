import { useCurrentOrganization } from '@/lib/use-organization';
import { NoAccess, useNoAccessCopy } from './no-access';
import { PageHeader } from './ui/page-header';

/** A whole page the caller's role may not use: its title, then why and who can help. */
export default function NoAccessPage() {
  const { organization } = useCurrentOrganization();
  const { title } = useNoAccessCopy();
  return (
    <>
      <PageHeader title={title} documentTitle={organization ? `${title} · ${organization.name}` : title} />
      <NoAccess />
    </>
  );
}
