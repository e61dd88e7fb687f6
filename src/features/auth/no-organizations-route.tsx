import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';

export function Component() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <PageHeader title="No organization yet" />
      <Card>
        <p className="text-sm text-ink-muted">This token does not belong to any organization. Ask an admin of your organization to invite you, then sign in again.</p>
      </Card>
    </main>
  );
}
