import { useMemo, useState } from 'react';
import { ComboBox as AriaComboBox, I18nProvider, Input, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { controlClass, type ControlProps } from './field';

export interface ComboboxOption {
  value: string;
  label: string;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
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
 * A searchable single choice: React Aria's combobox (the active option is the one arrows move to,
 * announced through aria-activedescendant; Enter while an input method composes a word does not
 * pick). Typing filters options by name or code, Enter picks, Escape closes; leaving the field keeps
 * the last valid choice unless the text names an option exactly.
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
  const selected = options.find((option) => option.value === value);
  // What the user typed since the last choice; null shows the chosen option's name.
  const [query, setQuery] = useState<string | null>(null);
  const filtered = useMemo(() => filterOptions(options, query), [options, query]);
  const { id, ...aria } = controlProps;

  // Text that names an option exactly chooses it; any other text goes back to the last choice.
  const commit = () => {
    const text = query?.trim();
    const exact = text ? options.find((option) => fold(option.label) === fold(text) || option.value.toLowerCase() === text.toLowerCase()) : undefined;
    if (exact && exact.value !== value) onChange(exact.value);
    setQuery(null);
  };

  return (
    // What React Aria says to screen readers ("3 options available") in the console's language, English,
    // whatever the browser's: no sentence mixes languages, and the build keeps only these strings (vite.config.ts).
    <I18nProvider locale="en-US">
      <AriaComboBox
        id={id}
        // The Field's label (its id follows the control's), which React Aria cannot see through htmlFor alone.
        aria-labelledby={`${id}-label`}
        className="relative"
        items={filtered}
        selectedKey={selected ? selected.value : null}
        onSelectionChange={(key) => {
          // No key: the list closed without a choice (Escape, a scroll of the page); the text stays until the field is left.
          const option = options.find((candidate) => candidate.value === key);
          if (!option) return;
          if (option.value !== value) onChange(option.value);
          setQuery(null);
        }}
        inputValue={query ?? selected?.label ?? ''}
        onInputChange={(text) => setQuery(text === (selected?.label ?? '') ? null : text)}
        menuTrigger="input"
        // Custom text stays until the field is left (then commit() decides), rather than being reset first.
        allowsCustomValue
        allowsEmptyCollection
        name={name}
      >
        <Input
          {...aria}
          className={controlClass}
          placeholder={placeholder}
          onBlur={() => {
            commit();
            onBlur?.();
          }}
        />
        <Popover placement="bottom start" offset={4} className="w-(--trigger-width) max-h-64 overflow-auto rounded-md border border-line bg-surface py-1 text-sm shadow-lg">
          <ListBox<ComboboxOption> aria-label="Suggestions" renderEmptyState={() => <p className="px-3 py-2 text-ink-muted">No match</p>}>
            {(option) => (
              <ListBoxItem
                id={option.value}
                textValue={option.label}
                className="cursor-pointer px-3 py-2 text-ink outline-none data-[focused]:bg-surface-muted data-[selected]:font-semibold"
              >
                {option.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </AriaComboBox>
    </I18nProvider>
  );
}
