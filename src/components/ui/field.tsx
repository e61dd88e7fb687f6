import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cn } from './cn';
import { RequestReference } from './request-reference';
import { useFieldErrorText } from './field-error-text';
import { useUiMessages } from './messages';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

/**
 * Label, hint and error around one control. The control receives its id, aria-invalid and an
 * aria-describedby pointing at the hint and the error, so screen readers read both.
 */
export function Field({
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const t = useUiMessages();
  const errorText = useFieldErrorText();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium text-ink">
        {label}
        {required ? <span className="text-ink-muted"> {t.required()}</span> : null}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {hint && (
        <p id={hintId} className="text-xs text-ink-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm font-medium text-danger-ink">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}

export const controlClass =
  'h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-ink placeholder:text-ink-muted aria-[invalid=true]:border-danger disabled:opacity-60';

export const TextInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function TextInput({ className, ...props }, ref) {
  return <input ref={ref} className={cn(controlClass, className)} {...props} />;
});

export const SelectInput = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function SelectInput({ className, ...props }, ref) {
  return <select ref={ref} className={cn(controlClass, 'pe-8', className)} {...props} />;
});

export const TextArea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextArea({ className, ...props }, ref) {
  return <textarea ref={ref} className={cn(controlClass, 'h-auto min-h-24 py-2', className)} {...props} />;
});

/**
 * Why a form's action failed ("The card was not added: …"), announced as soon as it shows. Given the
 * failure itself (`error`), it also shows the server's reference for the request, for support.
 */
export function FailureMessage({ children, className, error }: { children: ReactNode; className?: string; error?: unknown }) {
  return (
    <div role="alert" className={cn('rounded-md border border-danger-line bg-danger-soft p-3 text-sm text-danger-ink', className)}>
      <p>{children}</p>
      <RequestReference error={error} />
    </div>
  );
}
