import { formatMinor } from '@/lib/money';

/**
 * "$600.00 more per month": the sign in words, so that it reads the same aloud. `listPrice` says
 * that the other plan's price is the documented list price, not one the backend confirmed.
 */
export function describeMonthlyChange(differenceCents: number, currency: string, listPrice = false): string {
  const atList = listPrice ? ', at list price' : '';
  if (differenceCents === 0) return `Same monthly price as your plan${atList}`;
  const amount = formatMinor(Math.abs(differenceCents), currency);
  return `${amount} ${differenceCents > 0 ? 'more' : 'less'} per month than your plan${atList}`;
}
