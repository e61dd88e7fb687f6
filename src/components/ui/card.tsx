import { useId, type ReactNode, type Ref } from 'react';
import { cn } from './cn';

/** A titled section; its title names it, so screen readers list it as a region. */
export function Card({
  title,
  actions,
  children,
  className,
  headingLevel = 2,
  headingRef,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
  /** Makes the title a focus target (tabIndex -1), for when the control the user was on goes away. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = useId();
  return (
    <section aria-labelledby={title ? headingId : undefined} className={cn('rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5', className)}>
      {(title || actions) && (
        <div className="mb-3 flex items-start justify-between gap-3">
          {title && (
            <Heading id={headingId} ref={headingRef} tabIndex={headingRef ? -1 : undefined} className="text-sm font-semibold text-ink-muted focus:outline-none">
              {title}
            </Heading>
          )}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
