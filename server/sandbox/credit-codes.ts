import { ApiError } from '#api/api-error';
import { addCreditCode } from '#api/operation-actions';
import { tokenFromHeader } from './auth';
import type { MemberOrganization, SandboxContext } from './context';
import type { OperationRoutes } from './operation-routes';
import { actorOf, type EventActor } from './organization-events';
import { billingDay } from '#lib/billing-calendar';
import { creditCodeRefusals } from '#api/credit-code';

interface CreditCodeRow {
  code: string;
  amount_cents: number;
  expires_at: string | null;
  max_redemptions: number | null;
}

function codeError(message: string): ApiError {
  return new ApiError(400, message, [{ field: 'code', message }]);
}

export function creditCodeRoutes(ctx: SandboxContext, routes: OperationRoutes): void {
  const { db } = ctx;
  const findCode = db.prepare<[string], CreditCodeRow>('SELECT code, amount_cents, expires_at, max_redemptions FROM credit_codes WHERE code = ?');
  const redeemedBy = db.prepare<[string, string], { found: number }>('SELECT 1 AS found FROM credit_redemptions WHERE code = ? AND organization_id = ?');
  const redemptions = db.prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM credit_redemptions WHERE code = ?');
  const redeem = db.prepare('INSERT INTO credit_redemptions (code, organization_id, redeemed_at) VALUES (?, ?, ?)');
  const addCredit = db.prepare('UPDATE organizations SET credit_cents = credit_cents + ?, updated_at = ? WHERE id = ?');

  /** Checks and redemption in one transaction, so that a single-use code cannot be redeemed twice. */
  const redeemCode = db.transaction((org: MemberOrganization, actor: EventActor, code: string, now: Date) => {
    const organizationId = org.id;
    const row = findCode.get(code);
    if (!row) throw codeError(creditCodeRefusals.unknown(code));
    if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) {
      throw codeError(creditCodeRefusals.expired(code, billingDay(row.expires_at)));
    }
    if (redeemedBy.get(code, organizationId)) {
      throw codeError(creditCodeRefusals.redeemedHere(code));
    }
    if (row.max_redemptions !== null && (redemptions.get(code)?.count ?? 0) >= row.max_redemptions) {
      throw codeError(creditCodeRefusals.usedUp(code));
    }
    redeem.run(code, organizationId, now.toISOString());
    addCredit.run(row.amount_cents, now.toISOString(), organizationId);
    // Credit is kept in US cents (billing-rules.ts).
    ctx.events.record(org, actor, { type: 'CREATE', subTarget: 'CREDIT_CODE', change: { code, amount_in_cents: row.amount_cents, currency_code: 'USD' } }, now);
    return row.amount_cents;
  });

  routes.mountWithBody(addCreditCode, async ({ c, org, body: { code } }) => {
    const token = tokenFromHeader(c.req.header('Authorization')) ?? '';
    const amount = await ctx.limits.creditCodeAttempt(org.id, token, () => redeemCode(org, actorOf(c), code, ctx.now()));
    // Credit is kept in US cents (billing-rules.ts); the answer says what was added.
    return { code, amount_in_cents: amount, currency_code: 'USD' };
  });
}
