import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cn } from './cn';
import { controlClass, type ControlProps } from './field';

export interface ComboboxOption {
  value: string;
  label: string;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * A searchable single choice (WAI-ARIA combobox with a listbox popup). Typing filters options by
 * name or code, arrows move, Enter picks, Escape closes; leaving the field keeps the last valid
 * choice unless the text names an option exactly.
 */
export function Combobox({ options, value, onChange, onBlur, placeholder, controlProps, name }: {
  options: readonly ComboboxOption[];
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  controlProps: ControlProps;
  name?: string;
}) {
  const listId = useId();
  const selected = options.find((option) => option.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const filtered = useMemo(() => {
    if (query === null || query.trim() === '') return options;
    const needle = fold(query.trim());
    const starts = options.filter((option) => fold(option.label).startsWith(needle) || option.value.toLowerCase() === needle);
    const contains = options.filter((option) => !starts.includes(option) && fold(option.label).includes(needle));
    return [...starts, ...contains];
  }, [options, query]);

  const choose = (option: ComboboxOption) => {
    onChange(option.value);
    setQuery(null);
    setOpen(false);
  };

  const scrollTo = (index: number) => {
    listRef.current?.children[index]?.scrollIntoView({ block: 'nearest' });
  };

  const move = (delta: number) => {
    if (!open) setOpen(true);
    const next = Math.max(0, Math.min(filtered.length - 1, active + delta));
    setActive(next);
    scrollTo(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const option = filtered[active];
      if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setQuery(null);
    }
  };

  const commitOnBlur = () => {
    if (query !== null) {
      const exact = options.find((option) => fold(option.label) === fold(query.trim()) || option.value.toLowerCase() === query.trim().toLowerCase());
      if (exact) onChange(exact.value);
    }
    setQuery(null);
    setOpen(false);
    onBlur?.();
  };

  const activeOption = open ? filtered[active] : undefined;
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
          setActive(0);
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
        aria-label="Suggestions"
        hidden={!open}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-line bg-surface py-1 text-sm shadow-lg"
      >
        {filtered.length === 0 ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-2 text-ink-muted">
            No match
          </li>
        ) : (
          filtered.map((option, index) => (
            // Keyboard use goes through the input (aria-activedescendant); the click is the pointer path.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={option.value}
              id={`${listId}-${option.value}`}
              role="option"
              aria-selected={option.value === value}
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
