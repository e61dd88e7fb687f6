import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '@/api/api-error';
import { Button, ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { RequestReference } from '@/components/ui/request-reference';
import { NotFound } from './not-found';

/** Errors that escape a page (failed loaders, 5xx, render errors) land here instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  if ((isRouteErrorResponse(error) && error.status === 404) || (error instanceof ApiError && error.status === 404)) {
    return <NotFound title="Not found" message="This organization or page does not exist, or you are not a member of it." />;
  }
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? error.statusText : 'An unexpected error happened.';
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <PageHeader title="Something went wrong" description={message} />
      <div className="mb-4 text-ink-muted">
        <RequestReference error={error} />
      </div>
      <div className="flex gap-2">
        <Button onClick={() => window.location.reload()}>Try again</Button>
        <ButtonLink to="/" variant="secondary">
          Go to the console
        </ButtonLink>
      </div>
    </main>
  );
}
