import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '@/api/api-error';
import { Button, ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { RequestReference } from '@/components/ui/request-reference';
import { NotFound } from './not-found';
import { useUiMessages } from '@/components/ui/messages';
import { useRouteErrorMessages } from './messages';
import { LanguageSelect } from '@/components/ui/language-select';

/** Errors that escape a page (failed loaders, 5xx, render errors) land here instead of a blank screen. */
export function RouteError() {
  const t = useRouteErrorMessages();
  const ui = useUiMessages();
  const error = useRouteError();
  if ((isRouteErrorResponse(error) && error.status === 404) || (error instanceof ApiError && error.status === 404)) {
    return <NotFound title={t.notFoundTitle()} message={t.notFoundMember()} />;
  }
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? error.statusText : t.unexpectedError();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <div className="mb-6 flex justify-end">
        <LanguageSelect />
      </div>
      <PageHeader title={t.pageErrorTitle()} description={message} />
      <div className="mb-4 text-ink-muted">
        <RequestReference error={error} />
      </div>
      <div className="flex gap-2">
        <Button onClick={() => window.location.reload()}>{t.tryAgain()}</Button>
        <ButtonLink to="/" variant="secondary">
          {ui.goToConsole()}
        </ButtonLink>
      </div>
    </main>
  );
}
