import { randomBytes } from 'node:crypto';
import { CLOUD_PLAN, monthlyPriceCents } from '#api/cloud-plans-catalog';
import { quantityChangeCharge, type PeriodBounds } from '#api/proration';
import { addBillingMonths, billingDay } from '#lib/billing-calendar';
import { minorToDecimal } from '#lib/money';
import type { Db } from '../../db/database';
import { hashToken, newId } from '../../db/ids';

export interface SubscriptionRow {
  id: string;
  organization_id: string;
  plan: string;
  quantity: number;
  /** The most instances paid for in the period ending at payment_exp; null when that is `quantity`. */
  paid_quantity: number | null;
  started_at: string;
  payment_exp: string;
}

export interface PaymentMethodRow {
  brand: string;
  last4: string;
  expiry_month: number;
  expiry_year: number;
}

export interface HistoryRow {
  id: string;
  organization_id: string;
  status: 'paid' | 'unpaid';
  date: string;
  due_date: string;
  amount_cents: number;
  description: string;
}

export type SessionKind = 'subscribe' | 'update_card';

export interface SessionRow {
  organization_id: string;
  organization_name: string;
  kind: SessionKind;
  quantity: number | null;
  expires_at: string;
  completed_at: string | null;
  /** Who asked for the link, and through what: its payment is their change. */
  created_by_email: string;
  origin: string | null;
  /** The organization's billing country now, whose language the hosted pages speak. */
  billing_country_code: string | null;
}

/** Why a checkout link cannot be used (any more); each has its own page. */
export type SessionProblem = 'not_found' | 'expired' | 'used' | 'already_subscribed';

export type SessionLookup = { ok: true; session: SessionRow } | { ok: false; problem: SessionProblem; session?: SessionRow };

/** Checkout and update-card links live this long, and work once. */
export const SESSION_TTL_MS = 30 * 60 * 1000;

/**
 * The paid period ending at payment_exp: a month, or less when the subscription started within it
 * (one paid on January 31 is paid until February 28, 28 days). What describe sends as period_start.
 */
export function currentPeriod(subscription: Pick<SubscriptionRow, 'started_at' | 'payment_exp'>): PeriodBounds {
  const end = new Date(subscription.payment_exp);
  const monthBefore = addBillingMonths(end, -1);
  const started = new Date(subscription.started_at);
  return { start: started.getTime() > monthBefore.getTime() ? started : monthBefore, end };
}

/** The contract's amount: a decimal string in the plan's currency ("76.00"). */
export function formatAmount(cents: number): string {
  return minorToDecimal(cents, CLOUD_PLAN.currency);
}

function planPeriodDescription(quantity: number, from: Date): string {
  return `${CLOUD_PLAN.name} plan, ${quantity} ${quantity === 1 ? 'instance' : 'instances'}, ${billingDay(from)} to ${billingDay(addBillingMonths(from, 1))}`;
}

/** The Cloud Plans sandbox's data. Every write is one transaction: a failure leaves nothing half-written. */
export function cloudPlansStore(db: Db) {
  const findActive = db.prepare<[string], SubscriptionRow>(
    "SELECT id, organization_id, plan, quantity, paid_quantity, started_at, payment_exp FROM cloud_subscriptions WHERE organization_id = ? AND status = 'active'",
  );
  const findPaymentMethod = db.prepare<[string], PaymentMethodRow>('SELECT brand, last4, expiry_month, expiry_year FROM cloud_payment_methods WHERE organization_id = ?');
  const listHistory = db.prepare<[string], HistoryRow>(
    `SELECT id, organization_id, status, date, due_date, amount_cents, description FROM cloud_billing_history
     WHERE organization_id = ? ORDER BY date DESC, id`,
  );
  const countClusters = db.prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM clusters WHERE organization_id = ?');
  const findOwner = db.prepare<[string], { email: string }>('SELECT u.email FROM organizations o JOIN users u ON u.id = o.owner_id WHERE o.id = ?');
  const purgeSessions = db.prepare('DELETE FROM cloud_checkout_sessions WHERE expires_at < ?');
  const insertSession = db.prepare(`INSERT INTO cloud_checkout_sessions
    (token_hash, organization_id, kind, quantity, created_by, created_at, expires_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const findSession = db.prepare<[string], SessionRow>(
    `SELECT s.organization_id, o.name AS organization_name, s.kind, s.quantity, s.expires_at, s.completed_at, u.email AS created_by_email, s.origin,
       b.country_code AS billing_country_code
     FROM cloud_checkout_sessions s JOIN organizations o ON o.id = s.organization_id JOIN users u ON u.id = s.created_by
     LEFT JOIN billing_info b ON b.organization_id = s.organization_id WHERE s.token_hash = ?`,
  );
  const markSessionUsed = db.prepare('UPDATE cloud_checkout_sessions SET completed_at = ? WHERE token_hash = ? AND completed_at IS NULL');
  const upsertPaymentMethod = db.prepare(`INSERT INTO cloud_payment_methods (organization_id, brand, last4, expiry_month, expiry_year, updated_at)
    VALUES (@organization_id, @brand, @last4, @expiry_month, @expiry_year, @updated_at)
    ON CONFLICT (organization_id) DO UPDATE SET brand = excluded.brand, last4 = excluded.last4,
      expiry_month = excluded.expiry_month, expiry_year = excluded.expiry_year, updated_at = excluded.updated_at`);
  const insertSubscription = db.prepare(`INSERT INTO cloud_subscriptions
    (id, organization_id, plan, quantity, status, started_at, payment_exp, updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?, ?)`);
  const setQuantity = db.prepare('UPDATE cloud_subscriptions SET quantity = ?, paid_quantity = ?, updated_at = ? WHERE id = ?');
  const cancelSubscription = db.prepare("UPDATE cloud_subscriptions SET status = 'canceled', canceled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?");
  // Renewals are billed ahead and due when their period starts: an unpaid entry not yet due is for a period still to come.
  const listUpcoming = db.prepare<[string, string], { id: string; due_date: string }>(
    "SELECT id, due_date FROM cloud_billing_history WHERE organization_id = ? AND status = 'unpaid' AND due_date > ?",
  );
  const repriceEntry = db.prepare('UPDATE cloud_billing_history SET amount_cents = ?, description = ? WHERE id = ?');
  const dropUpcoming = db.prepare("DELETE FROM cloud_billing_history WHERE organization_id = ? AND status = 'unpaid' AND due_date > ?");
  const insertHistory = db.prepare(`INSERT INTO cloud_billing_history (id, organization_id, status, date, due_date, amount_cents, description)
    VALUES (@id, @organization_id, @status, @date, @due_date, @amount_cents, @description)`);

  function lookup(token: string, now: Date): SessionLookup {
    const session = findSession.get(hashToken(token));
    if (!session) return { ok: false, problem: 'not_found' };
    if (session.completed_at !== null) return { ok: false, problem: 'used', session };
    if (Date.parse(session.expires_at) <= now.getTime()) return { ok: false, problem: 'expired', session };
    if (session.kind === 'subscribe' && findActive.get(session.organization_id)) return { ok: false, problem: 'already_subscribed', session };
    return { ok: true, session };
  }

  function recordPayment(organizationId: string, amountCents: number, description: string, now: Date): void {
    insertHistory.run({
      id: newId(),
      organization_id: organizationId,
      status: 'paid',
      date: now.toISOString(),
      due_date: now.toISOString(),
      amount_cents: amountCents,
      description,
    });
  }

  return {
    activeSubscription: (organizationId: string) => findActive.get(organizationId),
    paymentMethod: (organizationId: string) => findPaymentMethod.get(organizationId),
    history: (organizationId: string) => listHistory.all(organizationId),
    resources: (organizationId: string) => countClusters.get(organizationId)?.count ?? 0,
    ownerEmail: (organizationId: string) => findOwner.get(organizationId)?.email ?? '',

    /** Returns the link's token; only its hash is kept. */
    createSession(kind: SessionKind, organizationId: string, userId: string, quantity: number | null, now: Date, origin: string): string {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      // Links dead for a day are forgotten: they answer "not valid" instead of "expired", and the table stays small.
      purgeSessions.run(new Date(now.getTime() - 24 * 3600 * 1000).toISOString());
      insertSession.run(hashToken(token), organizationId, kind, quantity, userId, now.toISOString(), expiresAt.toISOString(), origin);
      return token;
    },

    lookup,

    /**
     * Pays a checkout: the session is used up, the card kept (brand, last 4, expiry), the subscription
     * started for one period and the payment recorded, all or nothing.
     */
    completeCheckout: db.transaction((token: string, card: PaymentMethodRow, now: Date): SessionLookup => {
      const found = lookup(token, now);
      if (!found.ok || found.session.kind !== 'subscribe' || found.session.quantity === null) return found;
      const { organization_id: organizationId, quantity } = found.session;
      markSessionUsed.run(now.toISOString(), hashToken(token));
      upsertPaymentMethod.run({ organization_id: organizationId, ...card, updated_at: now.toISOString() });
      const paymentExp = addBillingMonths(now, 1);
      insertSubscription.run(newId(), organizationId, CLOUD_PLAN.id, quantity, now.toISOString(), paymentExp.toISOString(), now.toISOString());
      recordPayment(organizationId, monthlyPriceCents(quantity), planPeriodDescription(quantity, now), now);
      return found;
    }),

    completeCardUpdate: db.transaction((token: string, card: PaymentMethodRow, now: Date): SessionLookup => {
      const found = lookup(token, now);
      if (!found.ok || found.session.kind !== 'update_card') return found;
      markSessionUsed.run(now.toISOString(), hashToken(token));
      upsertPaymentMethod.run({ organization_id: found.session.organization_id, ...card, updated_at: now.toISOString() });
      return found;
    }),

    /**
     * Changes the active subscription's quantity and charges what quantityChangeCharge says, the
     * function the console quotes with: lowering refunds nothing, so the instances already paid for
     * stay paid until payment_exp, and raising charges, for the days left, only the instances above
     * the most already paid for. Renewals not yet due are billed at the new quantity. Returns false
     * when there is no active subscription.
     */
    updateQuantity: db.transaction((organizationId: string, quantity: number, now: Date): boolean => {
      const subscription = findActive.get(organizationId);
      if (!subscription) return false;
      if (quantity === subscription.quantity) return true;
      const period = currentPeriod(subscription);
      const charge = quantityChangeCharge({
        current: subscription.quantity,
        paidQuantity: subscription.paid_quantity ?? subscription.quantity,
        target: quantity,
        period,
        now,
      });
      setQuantity.run(quantity, charge.paidForAfter, now.toISOString(), subscription.id);
      for (const entry of listUpcoming.all(organizationId, now.toISOString())) {
        repriceEntry.run(monthlyPriceCents(quantity), planPeriodDescription(quantity, new Date(entry.due_date)), entry.id);
      }
      if (charge.amountCents > 0) {
        const already = charge.paidFor === subscription.quantity ? '' : `, ${charge.paidFor} already paid for`;
        recordPayment(
          organizationId,
          charge.amountCents,
          `${charge.charged} more ${charge.charged === 1 ? 'instance' : 'instances'} (${subscription.quantity} to ${quantity}${already}), prorated for ${charge.period.daysLeft} of ${charge.period.days} days to ${billingDay(period.end)}`,
          now,
        );
      }
      return true;
    }),

    /**
     * Ends the active subscription now, keeping the reason; false when there is none. Renewals not yet
     * due are for periods that will not be served: they are deleted, since the contract's history has
     * only paid and unpaid entries and no void one. An overdue one stays owed: its period had started.
     */
    cancel: db.transaction((organizationId: string, reason: string | null, now: Date): boolean => {
      const subscription = findActive.get(organizationId);
      if (!subscription) return false;
      cancelSubscription.run(now.toISOString(), reason, now.toISOString(), subscription.id);
      dropUpcoming.run(organizationId, now.toISOString());
      return true;
    }),
  };
}

export type CloudPlansStore = ReturnType<typeof cloudPlansStore>;
