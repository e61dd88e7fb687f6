import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { useUiMessages } from '@/components/ui/messages';
import { LanguageSelect } from '@/components/ui/language-select';

/**
 * "Nothing here". Standalone it is the page's <main>; `inShell` renders it inside the console's
 * layout, whose <main> already holds it.
 */
export function NotFound({ title, message, inShell = false }: { title?: string; message?: string; inShell?: boolean }) {
  const t = useUiMessages();
  const content = (
    <>
      <PageHeader title={title ?? t.pageNotFound()} description={message ?? t.pageNotFoundMessage()} />
      <ButtonLink to="/">{t.goToConsole()}</ButtonLink>
    </>
  );
  if (inShell) return <div className="max-w-xl">{content}</div>;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <div className="mb-6 flex justify-end">
        <LanguageSelect />
      </div>
      {content}
    </main>
  );
}
