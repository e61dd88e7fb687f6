/** Formatting in the user's own locale (undefined = the browser's), with Intl only. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      // An unknown currency code still shows, as "12.00 XYZ".
      return `${amount.toFixed(2)} ${currency}`;
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

export function formatCents(cents: number, currency: string): string {
  return formatMoney(cents / 100, currency);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const longDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatLongDate(iso: string): string {
  return longDateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

// In a module of its own: the overview needs only this, and ships with the first page.
export { plural } from './plural';
