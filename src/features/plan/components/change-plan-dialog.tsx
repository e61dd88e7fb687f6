import type { BillingStatus, Plan } from '@/api/contract';
import { creditLeftFromStatus, planChange, runsOnCredit, type PlanChange } from '@/api/plan-change';
import { PLAN_CATALOG, type PlanInfo } from '@/api/plans';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage } from '@/components/ui/field';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import { isOffered, monthlyCents, monthlyChangeCents, type MonthlyPrice } from '../plan-comparison';
import { describeMonthlyChange } from './cost-change';

/** What a switch depends on, from the current cost and the billing status. */
export interface BillingFacts {
  /** The current plan's next renewal; null when there is none or it could not be loaded. */
  nextRenewal: Date | null;
  trialDaysLeft: number;
  /** null when it could not be loaded. */
  status: BillingStatus | null;
}

/** What billing looks like after the switch, when the organization should know before confirming. */
function BillingNotice({
  change,
  target,
  currentPlan,
  inTrial,
  validNow,
  organizationName,
}: {
  change: PlanChange;
  target: PlanInfo;
  currentPlan: Plan;
  inTrial: boolean;
  validNow: boolean | null;
  organizationName: string;
}) {
  const { billing } = change;
  const onCredit = inTrial ? 'During the trial, billing runs on credit' : `${target.name} runs on credit, not on invoices`;
  if (billing.by === 'invoice') {
    return runsOnCredit(currentPlan, inTrial) ? (
      <Alert tone="info" title={`${target.name} is billed by invoice`}>
        Billing no longer depends on credit.
      </Alert>
    ) : null;
  }
  if (billing.valid === false) {
    return (
      <Alert tone="warning" title={validNow === false ? 'Billing stays invalid' : 'Billing becomes invalid'}>
        {`${onCredit}, and ${organizationName} has no credit left: new deployments ${validNow === false ? 'stay stopped' : 'stop'} until a credit code is redeemed.`}
      </Alert>
    );
  }
  if (billing.valid === null) {
    return (
      <Alert tone="warning" title={onCredit}>
        {`Billing stays valid only while ${organizationName} has credit left. Without credit, billing becomes invalid and new deployments stop until a credit code is redeemed: redeem one before or right after switching.`}
      </Alert>
    );
  }
  return inTrial ? null : <Alert tone="info" title={onCredit}>{`Billing stays valid while ${organizationName} has credit left.`}</Alert>;
}

/**
 * Says what the switch does before it is made, with planChange, the function the sandbox applies:
 * the new monthly price and the difference, what is charged now and what changes at the renewal,
 * whether a trial continues, and whether billing would be invalid on the new plan.
 */
export function ChangePlanDialog({
  target,
  currentPlan,
  now,
  listPrices,
  organizationName,
  facts,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  target: PlanInfo | null;
  currentPlan: Plan;
  /** What the organization pays per month now, from the API; null when unknown (the list price stands in, labelled). */
  now: MonthlyPrice | null;
  /** The target's price is the sandbox's list price, not one the backend confirmed. */
  listPrices: boolean;
  organizationName: string;
  /** null while they load: the switch waits for them. */
  facts: BillingFacts | null;
  pending: boolean;
  error: Error | null;
  onConfirm: (plan: PlanInfo) => void;
  onCancel: () => void;
}) {
  const current = PLAN_CATALOG[currentPlan];
  const nowPrice = now ?? { cents: monthlyCents(currentPlan), currency: current.currency };
  const difference = target ? monthlyChangeCents(nowPrice, target.id) : null;
  const trialDaysLeft = facts?.trialDaysLeft ?? 0;
  const inTrial = trialDaysLeft > 0;
  const change =
    target && facts
      ? planChange({
          from: currentPlan,
          to: target.id,
          nextRenewal: facts.nextRenewal,
          inTrial,
          creditLeft: facts.status ? creditLeftFromStatus(currentPlan, inTrial, facts.status) : null,
        })
      : null;
  const risky = change !== null && change.billing.by === 'credit' && change.billing.valid !== true;
  return (
    <ConfirmDialog
      open={target !== null}
      title={target ? `Switch to ${target.name}?` : ''}
      description={target ? `${organizationName} moves from ${current.name} to ${target.name} as soon as you confirm.` : undefined}
      confirmLabel={pending ? 'Switching…' : target ? `Switch to ${target.name}` : 'Switch'}
      tone={risky ? 'danger' : 'primary'}
      pending={pending}
      confirmDisabled={change === null}
      onConfirm={() => target && onConfirm(target)}
      onCancel={onCancel}
    >
      {target && (
        <div className="space-y-3 text-sm">
          <dl className="tabular grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-md bg-surface-muted p-3">
            <dt className="font-semibold text-ink">New monthly cost{listPrices ? ' (list price)' : ''}</dt>
            <dd className="text-right font-semibold text-ink">{formatMinor(monthlyCents(target.id), target.currency)} / month</dd>
            <dt className="text-ink-muted">
              Now ({current.name}){now ? '' : ', list price'}
            </dt>
            <dd className="text-right text-ink-muted">
              {formatMinor(nowPrice.cents, nowPrice.currency)} / month{current.period === 'year' ? ' (billed yearly)' : ''}
            </dd>
          </dl>
          {difference !== null && <p className="text-ink">{describeMonthlyChange(difference, target.currency, listPrices || !now)}.</p>}
          {change === null ? (
            <p className="text-ink-muted">Looking up the renewal date and the billing status…</p>
          ) : (
            <>
              <dl className="tabular grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-md border border-line p-3">
                <dt className="text-ink">Charged now</dt>
                <dd className="text-right text-ink">{formatMinor(change.chargedNowMinor, change.price.currency)}</dd>
                <dt className="text-ink">
                  {change.trialContinues ? 'From the end of the trial' : change.priceFrom ? 'From the renewal' : 'From the next renewal'}
                  {change.priceFrom && ` on ${formatBillingDate(change.priceFrom, 'long')}`}
                </dt>
                <dd className="text-right text-ink">
                  {formatMinor(change.price.minor, change.price.currency)} / {change.price.period}
                </dd>
              </dl>
              <p className="text-ink">
                {target.name} applies at once.{' '}
                {change.trialContinues
                  ? 'Nothing is billed during the trial: the new price is billed from its end.'
                  : 'The period already billed is neither charged again nor refunded: the new price is billed from the renewal.'}
              </p>
              {change.trialContinues && (
                <p className="text-ink">
                  The trial continues on {target.name}, with {trialDaysLeft} {trialDaysLeft === 1 ? 'day' : 'days'} left, as now.
                </p>
              )}
              <BillingNotice
                change={change}
                target={target}
                currentPlan={currentPlan}
                inTrial={inTrial}
                validNow={facts?.status?.is_valid ?? null}
                organizationName={organizationName}
              />
            </>
          )}
          {target.auditLogsRetentionInDays !== current.auditLogsRetentionInDays && (
            <p className="text-ink">
              Audit logs will be kept {target.auditLogsRetentionInDays} days instead of {current.auditLogsRetentionInDays}.
            </p>
          )}
          {!isOffered(currentPlan) && <p className="text-ink">{current.name} is no longer offered: you will not be able to switch back to it.</p>}
          {error && <FailureMessage>The plan was not changed: {error.message}</FailureMessage>}
        </div>
      )}
    </ConfirmDialog>
  );
}
