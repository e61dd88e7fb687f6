import { utc } from '@date-fns/utc';
import { differenceInDays } from 'date-fns';
import type { BillingStatus, CurrentCost, Organization, Plan } from '#api/contract';
import { runsOnCredit } from '#api/plan-change';
import { isPlan, PLAN_CATALOG, type PlanInfo } from '#api/plans';
import { isCardExpired } from '#api/credit-card';
import { daysLeft, unpaidDeadline } from '#api/unpaid-grace';
import { invoiceReference } from '#api/invoice-reference';
import { nextPeriodStart } from '#lib/billing-calendar';
import { formatMinor, minorToUnits } from '#lib/money';
import type { Db } from '../db/database';
import type { OrganizationRow } from './context';

export function planInfo(plan: string): PlanInfo {
  return isPlan(plan) ? PLAN_CATALOG[plan] : PLAN_CATALOG.TEAM_2025;
}

export function isInTrial(org: OrganizationRow, now: Date): boolean {
  return org.trial_ends_at !== null && Date.parse(org.trial_ends_at) > now.getTime();
}

/** On credit, billing is valid while credit is left (the same rule the console's plan dialog warns with). */
export function hasCreditLeft(org: OrganizationRow): boolean {
  return org.credit_cents > 0;
}

export function remainingTrialDays(org: OrganizationRow, now: Date): number {
  if (!org.trial_ends_at) return 0;
  return daysLeft(new Date(org.trial_ends_at), now);
}

/** The stored renewal date (the billing anchor) rolled forward by whole periods until it is in the future. */
export function nextRenewal(org: OrganizationRow, now: Date): Date {
  const months = planInfo(org.plan).period === 'year' ? 12 : 1;
  return nextPeriodStart(new Date(org.renewal_at), months, now);
}

export function billingRules(db: Db) {
  const oldestUnpaid = db.prepare<[string], { id: string; created_at: string; total_in_cents: number; currency_code: string }>(
    `SELECT id, created_at, total_in_cents, currency_code FROM invoices
     WHERE organization_id = ? AND status = 'NOT_PAID' ORDER BY created_at ASC LIMIT 1`,
  );
  const cards = db.prepare<[string], { expiry_month: number; expiry_year: number }>('SELECT expiry_month, expiry_year FROM credit_cards WHERE organization_id = ?');

  const adminEmails = db.prepare<[string], { email: string }>(
    `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = ? AND m.role = 'admin' ORDER BY u.email`,
  );

  function hasValidCard(organizationId: string, now: Date): boolean {
    return cards.all(organizationId).some((card) => !isCardExpired(card.expiry_month, card.expiry_year, now));
  }

  /**
   * The contract's rule: an organization billed by invoice is invalid once an invoice has stayed
   * NOT_PAID for more than 7 days; one running on credit (free plan or trial) once no credit is left.
   */
  function status(org: OrganizationRow, now: Date): Required<BillingStatus> {
    if (runsOnCredit(planInfo(org.plan).id, isInTrial(org, now))) {
      const why = isInTrial(org, now) ? `${org.name} is on a trial` : `${org.name} is on a free plan`;
      if (!hasCreditLeft(org)) {
        return {
          is_valid: false,
          message: `${why} with no credit left. Redeem a credit code to keep deploying.`,
        };
      }
      // Credit is kept in US cents; the API's messages are in English.
      return { is_valid: true, message: `${why} with ${formatMinor(org.credit_cents, 'USD', 'en-US')} of credit left.` };
    }
    const unpaid = oldestUnpaid.get(org.id);
    if (unpaid) {
      const deadline = unpaidDeadline(unpaid.created_at);
      if (now.getTime() > deadline.getTime()) {
        return {
          is_valid: false,
          message: `Invoice ${invoiceReference(unpaid.id)} has been unpaid for ${differenceInDays(now, unpaid.created_at, { in: utc })} days. Pay it or update your payment method to restore billing.`,
        };
      }
      // On the deadline itself billing is still valid: one day left, not none.
      const left = Math.max(1, daysLeft(deadline, now));
      return {
        is_valid: true,
        message: `Invoice ${invoiceReference(unpaid.id)} is unpaid: billing becomes invalid in ${left} day${left === 1 ? '' : 's'} if it stays unpaid.`,
      };
    }
    return { is_valid: true, message: 'Billing is valid.' };
  }

  function currentCost(org: OrganizationRow, now: Date): CurrentCost {
    const plan = planInfo(org.plan);
    return {
      plan: plan.id,
      remaining_trial_day: remainingTrialDays(org, now),
      renewal_at: nextRenewal(org, now).toISOString(),
      cost: { total_in_cents: plan.priceInCents, total: minorToUnits(plan.priceInCents, plan.currency), currency_code: plan.currency },
    };
  }

  function organization(org: OrganizationRow, now: Date): Organization {
    const plan: Plan = planInfo(org.plan).id;
    return {
      id: org.id,
      created_at: org.created_at,
      updated_at: org.updated_at,
      name: org.name,
      description: org.description,
      plan,
      website_url: org.website_url,
      repository: org.repository,
      logo_url: org.logo_url,
      icon_url: org.icon_url,
      admin_emails: adminEmails.all(org.id).map((admin) => admin.email),
      owner: org.owner_id,
      // Qovery's meaning: a trial without a card may deploy on demo clusters only.
      billing_deployment_restriction: isInTrial(org, now) && !hasValidCard(org.id, now) ? 'NO_CREDIT_CARD' : null,
      organization_plan: { plan, audit_logs_retention_in_days: planInfo(org.plan).auditLogsRetentionInDays },
    };
  }

  return { status, currentCost, organization, hasValidCard };
}

export type BillingRules = ReturnType<typeof billingRules>;
