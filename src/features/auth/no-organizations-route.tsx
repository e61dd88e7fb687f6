import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useAuthMessages } from './messages';
import { LanguageSelect } from '@/components/ui/language-select';

export function Component() {
  const t = useAuthMessages();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <div className="mb-6 flex justify-end">
        <LanguageSelect />
      </div>
      <PageHeader title={t.noOrganization()} />
      <Card>
        <p className="text-sm text-ink-muted">{t.noOrganizationBody()}</p>
      </Card>
    </main>
  );
}
