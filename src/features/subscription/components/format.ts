import { CLOUD_PLAN } from '@/api/cloud-plans-catalog';
import { formatBillingDate, type DateStyle } from '@/lib/date-format';
import { decimalToMinor, formatMinor } from '@/lib/money';

/** The contract sends quantities as strings: a whole positive number, or null when it is something else. */
export function parseQuantity(text: string): number | null {
  return /^\d{1,9}$/.test(text.trim()) && Number(text) > 0 ? Number(text) : null;
}

/** Dates are ISO strings in the sandbox, shown as billing (UTC) dates; anything else from a real backend is shown as sent. */
export function displayDate(value: string, style: DateStyle = 'long'): string {
  return Number.isNaN(Date.parse(value)) ? value : formatBillingDate(value, style);
}

/** Amounts are decimal strings in the plan's currency; anything else is shown as sent. */
export function displayAmount(amount: string): string {
  const minor = decimalToMinor(amount, CLOUD_PLAN.currency);
  return minor === null ? amount : formatMinor(minor, CLOUD_PLAN.currency);
}

/**
 * Card brands as the sandbox stores them. Not taken from api/credit-card, whose card schema would
 * bring zod checks this page does not need into the shared bundle.
 */
const CARD_BRANDS: Record<string, string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  AMEX: 'American Express',
  DISCOVER: 'Discover',
  DINERS: 'Diners Club',
  JCB: 'JCB',
  UNIONPAY: 'UnionPay',
};

export function cardBrandName(brand: string): string {
  return CARD_BRANDS[brand.toUpperCase()] ?? brand;
}

/** One instance's monthly price, in the active language (formatted when asked: the language can change). */
export function unitPrice(): string {
  return formatMinor(CLOUD_PLAN.unitPriceCents, CLOUD_PLAN.currency);
}
