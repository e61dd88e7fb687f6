import { COUNTRY_CODES } from '@/api/countries';
import type { ComboboxOption } from '@/components/ui/combobox';

let cached: ComboboxOption[] | null = null;

/** Country names in the user's language (Intl.DisplayNames), sorted as that language sorts them. */
export function countryOptions(): ComboboxOption[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames(undefined, { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  cached = COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => collator.compare(a.label, b.label));
  return cached;
}
