import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

/**
 * "Nothing here". Standalone it is the page's <main>; `inShell` renders it inside the console's
 * layout, whose <main> already holds it.
 */
export function NotFound({ title = 'Page not found', message, inShell = false }: { title?: string; message?: string; inShell?: boolean }) {
  const content = (
    <>
      <PageHeader title={title} description={message ?? 'There is nothing at this address. It may have moved, or the link is mistyped.'} />
      <ButtonLink to="/">Go to the console</ButtonLink>
    </>
  );
  if (inShell) return <div className="max-w-xl">{content}</div>;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      {content}
    </main>
  );
}
