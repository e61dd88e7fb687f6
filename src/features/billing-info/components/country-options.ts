import { COUNTRY_CODES } from '@/api/countries';
import type { ComboboxOption } from '@/components/ui/combobox';
import { formattingLocale } from '@/lib/i18n';

const cached = new Map<string, ComboboxOption[]>();

/** Country names in the console's language (Intl.DisplayNames), sorted as that language sorts them. */
export function countryOptions(): ComboboxOption[] {
  const locale = formattingLocale();
  let options = cached.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    options = COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => collator.compare(a.label, b.label));
    cached.set(locale, options);
  }
  return options;
}
