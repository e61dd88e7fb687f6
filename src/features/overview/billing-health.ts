import type { BillingStatus, CreditCard, CurrentCost, Invoice } from '@/api/contract';
import { daysLeft, runsOnCreditNow, unpaidDeadline } from '@/api/unpaid-grace';
import { cardEndsAt } from '@/lib/card-validity';
import { sumByCurrency, type CurrencyTotal } from '@/lib/money';

/** The deployment restriction of a trial without a card (the contract): managed clusters are blocked, demo clusters are not. */
export const NO_CREDIT_CARD = 'NO_CREDIT_CARD';

/** One thing that can stop the organization, with what the overview needs to say it. */
export type HealthItem =
  /** How to make billing valid again depends on why: credit, or paying invoices. */
  | { kind: 'billing-invalid'; message: string | null; fix: 'credit' | 'invoices' }
  /** A restriction other than NO_CREDIT_CARD: every deployment is blocked. */
  | { kind: 'deployments-blocked'; restriction: string; fix: 'credit' | 'invoices' | null }
  /** A trial with no card: managed clusters are blocked (the restriction says so), and the plan is charged when the trial ends. */
  | { kind: 'no-card'; managedClustersBlocked: boolean; trialDays: number; trialEndsAt: string | null }
  /** A paid plan past its trial with no valid card for the next renewal. */
  | { kind: 'no-valid-card'; renewalAt: string | null; expiredCards: number }
  /** NOT_PAID invoices of an organization billed by invoice, oldest first: the first one's deadline is billing's. */
  | { kind: 'unpaid'; invoices: Invoice[]; deadline: Date; daysLeft: number }
  /** Invoices awaiting payment under their terms: owed, but they do not turn billing invalid. */
  | { kind: 'payment-due'; invoices: Invoice[]; totals: CurrencyTotal[] }
  /** NOT_PAID invoices of an organization on credit: the payment failed and they are owed, but billing's status depends on credit. */
  | { kind: 'payment-failed'; invoices: Invoice[]; totals: CurrencyTotal[] }
  /** Every valid card stops working before the next renewal, when the plan is charged. */
  | { kind: 'card-expiring'; card: CreditCard; endsAt: Date; renewalAt: string };

export interface HealthInput {
  now: Date;
  status: BillingStatus;
  restriction: string | null | undefined;
  /** Undefined when it could not be loaded. */
  cost: CurrentCost | undefined;
  /** Undefined when the role may not list them, or they could not be loaded. */
  cards: readonly CreditCard[] | undefined;
  invoices: readonly Invoice[] | undefined;
}

function totalsOf(invoices: readonly Invoice[]): CurrencyTotal[] {
  return sumByCurrency(invoices, (invoice) => ({ currency: invoice.currency_code, minor: invoice.total_in_cents }));
}

/** Charged at each renewal: a plan with a price (the current cost is the plan's price per period). */
function isPaid(cost: CurrentCost | undefined): cost is CurrentCost {
  return (cost?.cost?.total_in_cents ?? 0) > 0;
}

/**
 * Everything that can stop the organization, most urgent first; empty when all is well. Urgency: what
 * stops deployments now (invalid billing, a restriction), then what will, by its date (an unpaid
 * invoice's deadline, the trial's end, the renewal a card cannot pay), then what is owed without one.
 */
export function billingHealth({ now, status, restriction, cost, cards, invoices }: HealthInput): HealthItem[] {
  const blocking: HealthItem[] = [];
  const dated: Array<{ at: number; item: HealthItem }> = [];
  const owed: HealthItem[] = [];
  const byDate = (at: string | null | undefined | Date, item: HealthItem) => dated.push({ at: at instanceof Date ? at.getTime() : Date.parse(at ?? '') || Infinity, item });
  const onCredit = runsOnCreditNow(cost);
  const invalid = status.is_valid === false;
  const fix = onCredit ? 'credit' : 'invoices';
  if (invalid) blocking.push({ kind: 'billing-invalid', message: status.message ?? null, fix });

  const trialDays = cost?.remaining_trial_day ?? 0;
  const trialEndsAt = trialDays > 0 ? (cost?.renewal_at ?? null) : null;
  if (restriction === NO_CREDIT_CARD) blocking.push({ kind: 'no-card', managedClustersBlocked: true, trialDays, trialEndsAt });
  else if (restriction) blocking.push({ kind: 'deployments-blocked', restriction, fix: invalid ? fix : null });

  const validCards = cards?.filter((card) => !card.is_expired);
  if (validCards && isPaid(cost)) {
    const [lastingLongest] = validCards.sort((a, b) => cardEndsAt(b).getTime() - cardEndsAt(a).getTime());
    if (!lastingLongest) {
      // The restriction already says it for a trial; without one, the trial's end or the renewal is when a card is needed.
      if (trialDays === 0) byDate(cost.renewal_at, { kind: 'no-valid-card', renewalAt: cost.renewal_at ?? null, expiredCards: cards?.length ?? 0 });
      else if (restriction !== NO_CREDIT_CARD) byDate(trialEndsAt, { kind: 'no-card', managedClustersBlocked: false, trialDays, trialEndsAt });
    } else if (cost.renewal_at && cardEndsAt(lastingLongest).getTime() <= Date.parse(cost.renewal_at)) {
      const endsAt = cardEndsAt(lastingLongest);
      byDate(endsAt, { kind: 'card-expiring', card: lastingLongest, endsAt, renewalAt: cost.renewal_at });
    }
  }

  if (invoices) {
    const byAge = [...invoices].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
    const failed = byAge.filter((invoice) => invoice.status === 'NOT_PAID');
    const due = byAge.filter((invoice) => invoice.status === 'PAYMENT_DUE');
    const [oldest] = failed;
    // On credit, the billing status does not depend on invoices: a failed one is owed, with no deadline.
    if (oldest && !onCredit) {
      const deadline = unpaidDeadline(oldest.created_at);
      byDate(deadline, { kind: 'unpaid', invoices: failed, deadline, daysLeft: daysLeft(deadline, now) });
    }
    if (oldest && onCredit) owed.push({ kind: 'payment-failed', invoices: failed, totals: totalsOf(failed) });
    if (due.length > 0) owed.push({ kind: 'payment-due', invoices: due, totals: totalsOf(due) });
  }

  return [...blocking, ...dated.sort((a, b) => a.at - b.at).map((entry) => entry.item), ...owed];
}
