import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Combobox, type ComboboxOption } from './combobox';
import { Field } from './field';

const COUNTRIES: readonly ComboboxOption[] = [
  { value: 'FR', label: 'France' },
  { value: 'DE', label: 'Germany' },
  { value: 'GB', label: 'United Kingdom' },
  { value: 'US', label: 'United States' },
  { value: 'UY', label: 'Uruguay' },
];

function Country({ initial, onChange, onUnmatched }: { initial: string; onChange: (value: string) => void; onUnmatched?: (text: string | null) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <Field label="Country">
      {(props) => (
        <Combobox
          controlProps={props}
          options={COUNTRIES}
          value={value}
          onChange={(next) => {
            setValue(next);
            onChange(next);
          }}
          onUnmatched={onUnmatched}
        />
      )}
    </Field>
  );
}

/** The option that assistive technology is told is active: the one aria-activedescendant names. */
function activeOption(input: HTMLElement): string | null {
  const id = input.getAttribute('aria-activedescendant');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

describe('Combobox', () => {
  it('has no active option while typing, then exposes the option the arrows move to, and Enter picks it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Country initial="FR" onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Country' });
    await user.clear(input);
    await user.type(input, 'Un');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['United Kingdom', 'United States']);
    // Typing does not make an option active: screen readers would read one the user did not reach.
    expect(activeOption(input)).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(activeOption(input)).toBe('United Kingdom');
    await user.keyboard('{ArrowDown}');
    expect(activeOption(input)).toBe('United States');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('US');
    expect(input).toHaveProperty('value', 'United States');
  });

  it('does not pick an option with the Enter that confirms an input method’s composition', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Country initial="FR" onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Country' });
    await user.clear(input);
    await user.type(input, 'Ger');
    await user.keyboard('{ArrowDown}');
    expect(activeOption(input)).toBe('Germany');
    // An IME (Japanese, Chinese…) confirms its candidate with Enter: that Enter is the input method's.
    fireEvent.compositionStart(input);
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true });
    expect(onChange).not.toHaveBeenCalled();
    expect(input).toHaveProperty('value', 'Ger');
    fireEvent.compositionEnd(input);
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('DE');
    expect(input).toHaveProperty('value', 'Germany');
  });

  it('keeps the last choice when the field is left with text that names no option, and takes an exact name', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const onUnmatched = vi.fn();
    render(<Country initial="FR" onChange={onChange} onUnmatched={onUnmatched} />);
    const input = screen.getByRole('combobox', { name: 'Country' });
    await user.clear(input);
    await user.type(input, 'Atlantis');
    await user.tab();
    expect(onChange).not.toHaveBeenCalled();
    expect(input).toHaveProperty('value', 'France');
    // The text that named no option is told, for the form to say what was kept.
    expect(onUnmatched).toHaveBeenLastCalledWith('Atlantis');
    await user.clear(input);
    await user.type(input, 'uruguay');
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith('UY');
    expect(onUnmatched).toHaveBeenLastCalledWith(null);
    expect(input).toHaveProperty('value', 'Uruguay');
  });
});
