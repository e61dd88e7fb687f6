import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export function NotFound({ title = 'Page not found', message }: { title?: string; message?: string }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <PageHeader title={title} description={message ?? 'There is nothing at this address. It may have moved, or the link is mistyped.'} />
      <ButtonLink to="/">Go to the console</ButtonLink>
    </main>
  );
}
