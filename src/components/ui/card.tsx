import { useId, type ReactNode } from 'react';
import { cn } from './cn';

/** A titled section; its title names it, so screen readers list it as a region. */
export function Card({ title, actions, children, className, headingLevel = 2 }: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = useId();
  return (
    <section
      aria-labelledby={title ? headingId : undefined}
      className={cn('rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5', className)}
    >
      {(title || actions) && (
        <div className="mb-3 flex items-start justify-between gap-3">
          {title && <Heading id={headingId} className="text-sm font-semibold text-ink-muted">{title}</Heading>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
