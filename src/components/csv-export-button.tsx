import { useId, useSyncExternalStore, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { CSV_SEPARATORS, defaultCsvSeparator, isCsvSeparator, type CsvSeparator } from '@/lib/csv';
import { useComponentMessages } from './messages';

const KEY = 'billing-console.csv-separator';
const listeners = new Set<() => void>();
/** The choice made in this page, for when storage refuses it. */
let memory: CsvSeparator | null = null;

function storedSeparator(): CsvSeparator | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return isCsvSeparator(value) ? value : null;
  } catch {
    return null;
  }
}

function chooseSeparator(separator: CsvSeparator): void {
  try {
    window.localStorage.setItem(KEY, separator);
  } catch {
    // The choice then lasts until the page is left, which is still what was asked.
  }
  memory = separator;
  for (const listener of listeners) listener();
}

function currentSeparator(): CsvSeparator {
  return memory ?? storedSeparator() ?? defaultCsvSeparator();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * "Export CSV" with the separator beside it: a comma, or a semicolon for spreadsheets that use a
 * decimal comma (the default where the browser's locale does). The choice is remembered on this
 * device for every export.
 */
export function CsvExportButton({
  onExport,
  disabled,
  children,
  className,
}: {
  onExport: (separator: CsvSeparator) => void;
  disabled?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const t = useComponentMessages();
  const separator = useSyncExternalStore(subscribe, currentSeparator, () => ',' as const);
  const id = useId();
  return (
    <span className={cn('inline-flex flex-wrap items-center gap-1', className)}>
      <Button variant="secondary" size="sm" onClick={() => onExport(separator)} disabled={disabled}>
        {children}
      </Button>
      <label htmlFor={id} className="sr-only">
        {t.csvSeparator()}
      </label>
      <select
        id={id}
        value={separator}
        onChange={(event) => {
          if (isCsvSeparator(event.target.value)) chooseSeparator(event.target.value);
        }}
        className="h-8 rounded-md border border-line-strong bg-surface px-1 text-sm text-ink"
        title={t.csvSeparator()}
      >
        {CSV_SEPARATORS.map((value) => (
          <option key={value} value={value}>
            {value === ';' ? t.separatorSemicolon() : t.separatorComma()}
          </option>
        ))}
      </select>
    </span>
  );
}
