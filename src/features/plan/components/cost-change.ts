import { formatMinor } from '@/lib/money';
import type { PlanMessages } from '../messages';

/**
 * "$600.00 more per month": the sign in words, so that it reads the same aloud. `listPrice` says
 * that the other plan's price is the documented list price, not one the backend confirmed.
 */
export function describeMonthlyChange(differenceCents: number, currency: string, listPrice: boolean, t: PlanMessages): string {
  return t.monthlyChange({
    change: differenceCents === 0 ? 'same' : differenceCents > 0 ? 'more' : 'less',
    amount: formatMinor(Math.abs(differenceCents), currency),
    listPrice: listPrice ? 'yes' : 'no',
  });
}
