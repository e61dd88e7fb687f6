import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cn } from './cn';
import { controlClass, type ControlProps } from './field';
import { useUiMessages } from './messages';

export interface ComboboxOption {
  value: string;
  label: string;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Options whose name starts with the text first, then those that contain it; a code matches exactly. Accents do not count. */
function filterOptions(options: readonly ComboboxOption[], query: string | null): readonly ComboboxOption[] {
  if (query === null || query.trim() === '') return options;
  const needle = fold(query.trim());
  const starts = options.filter((option) => fold(option.label).startsWith(needle) || option.value.toLowerCase() === needle);
  const contains = options.filter((option) => !starts.includes(option) && fold(option.label).includes(needle));
  return [...starts, ...contains];
}

/**
 * A searchable single choice (WAI-ARIA APG combobox with a listbox popup). Typing filters options by
 * name or code and makes no option active; the arrows move the active option, which is the one
 * announced (aria-activedescendant) and marked selected in the list; Enter picks it, except the Enter
 * that confirms an input method's composition (Japanese, Chinese…); Escape closes. Leaving the field
 * keeps the last valid choice unless the text names an option exactly; `onUnmatched` then hears the
 * text that named none (null once a choice is made), for the form to say what was kept.
 *
 * Hand-made on purpose: React Aria's combobox did the same at 51 KB gzip more for the billing details
 * page, past its budget (npm run size; docs/decisions).
 */
export function Combobox({
  options,
  value,
  onChange,
  onBlur,
  onUnmatched,
  placeholder,
  controlProps,
  name,
}: {
  options: readonly ComboboxOption[];
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  onUnmatched?: (text: string | null) => void;
  placeholder?: string;
  controlProps: ControlProps;
  name?: string;
}) {
  const t = useUiMessages();
  const listId = useId();
  const selected = options.find((option) => option.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  // The option the arrows reached; null while typing, until an arrow is pressed.
  const [active, setActive] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const filtered = useMemo(() => filterOptions(options, query), [options, query]);

  const choose = (option: ComboboxOption) => {
    onChange(option.value);
    onUnmatched?.(null);
    setQuery(null);
    setOpen(false);
    setActive(null);
  };

  const scrollTo = (index: number) => {
    listRef.current?.children[index]?.scrollIntoView?.({ block: 'nearest' });
  };

  const move = (delta: number) => {
    if (!open) setOpen(true);
    if (filtered.length === 0) return;
    const from = active ?? (delta > 0 ? -1 : filtered.length);
    const next = Math.max(0, Math.min(filtered.length - 1, from + delta));
    setActive(next);
    scrollTo(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The keys of an input method's composition are its own (keyCode 229 where isComposing is not set).
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const option = active === null ? undefined : filtered[active];
      if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setQuery(null);
      setActive(null);
    }
  };

  const commitOnBlur = () => {
    if (query !== null) {
      const exact = options.find((option) => fold(option.label) === fold(query.trim()) || option.value.toLowerCase() === query.trim().toLowerCase());
      if (exact) onChange(exact.value);
      onUnmatched?.(exact || query.trim() === '' ? null : query.trim());
    }
    setQuery(null);
    setOpen(false);
    setActive(null);
    onBlur?.();
  };

  const activeOption = open && active !== null ? filtered[active] : undefined;
  return (
    <div className="relative">
      <input
        {...controlProps}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${listId}-${activeOption.value}` : undefined}
        className={controlClass}
        placeholder={placeholder}
        value={query ?? selected?.label ?? ''}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(null);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onClick={() => setOpen(true)}
        onBlur={commitOnBlur}
      />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={t.suggestions()}
        hidden={!open}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-line bg-surface py-1 text-sm shadow-lg"
      >
        {filtered.length === 0 ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-2 text-ink-muted">
            {t.noMatch()}
          </li>
        ) : (
          filtered.map((option, index) => (
            // Keyboard use goes through the input (aria-activedescendant); the click is the pointer path.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={option.value}
              id={`${listId}-${option.value}`}
              role="option"
              // In a combobox's listbox, the selected option is the active one (APG); the current choice is shown in bold.
              aria-selected={index === active}
              className={cn('cursor-pointer px-3 py-2', index === active && 'bg-surface-muted', option.value === value && 'font-semibold')}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(option)}
            >
              {option.label}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
