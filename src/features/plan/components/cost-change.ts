import { formatCents } from '@/lib/format';

/** "$600.00 more per month": the sign in words, so that it reads the same aloud. */
export function describeMonthlyChange(differenceCents: number, currency: string): string {
  if (differenceCents === 0) return 'Same monthly price as your plan';
  const amount = formatCents(Math.abs(differenceCents), currency);
  return differenceCents > 0 ? `${amount} more per month than your plan` : `${amount} less per month than your plan`;
}
