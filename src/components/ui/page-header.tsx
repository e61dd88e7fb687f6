import { useEffect, type ReactNode } from 'react';
import { useUiMessages } from './messages';

/** The page's h1, and the document title that goes with it. */
export function PageHeader({ title, description, actions, documentTitle }: { title: string; description?: ReactNode; actions?: ReactNode; documentTitle?: string }) {
  const t = useUiMessages();
  const fullTitle = t.documentTitle({ title: documentTitle ?? title });
  useEffect(() => {
    document.title = fullTitle;
  }, [fullTitle]);
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        {/* Focused after a navigation (app-shell.tsx), so that screen readers announce the new page. */}
        <h1 tabIndex={-1} className="text-2xl font-semibold tracking-tight text-ink focus:outline-none">
          {title}
        </h1>
        {description && <p className="mt-1 text-sm text-ink-muted">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
