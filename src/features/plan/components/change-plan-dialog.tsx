import type { BillingStatus, Plan } from '@/api/contract';
import { creditLeftFromStatus, planChange, runsOnCredit, type PlanChange } from '@/api/plan-change';
import { PLAN_CATALOG, type PlanInfo } from '@/api/plans';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage } from '@/components/ui/field';
import { usePlanName } from '@/components/ui/plan-name';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import { usePlanMessages } from '../messages';
import { isOffered, monthlyCents, monthlyChangeCents, type MonthlyPrice } from '../plan-comparison';
import { describeMonthlyChange } from './cost-change';
import { useFieldErrorText } from '@/components/ui/field-error-text';

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
  const t = usePlanMessages();
  const planName = usePlanName();
  const { billing } = change;
  const plan = planName(target.id);
  const onCredit = inTrial ? t.trialRunsOnCredit() : t.runsOnCredit({ plan });
  if (billing.by === 'invoice') {
    return runsOnCredit(currentPlan, inTrial) ? (
      <Alert tone="info" title={t.billedByInvoice({ plan })}>
        {t.noLongerOnCredit()}
      </Alert>
    ) : null;
  }
  if (billing.valid === false) {
    return (
      <Alert tone="warning" title={validNow === false ? t.staysInvalid() : t.becomesInvalid()}>
        {t.noCreditLeft({ reason: inTrial ? 'trial' : 'plan', plan, organization: organizationName, stopped: validNow === false ? 'yes' : 'no' })}
      </Alert>
    );
  }
  if (billing.valid === null) {
    return (
      <Alert tone="warning" title={onCredit}>
        {t.validWhileCreditRisk({ organization: organizationName })}
      </Alert>
    );
  }
  return inTrial ? null : (
    <Alert tone="info" title={onCredit}>
      {t.validWhileCredit({ organization: organizationName })}
    </Alert>
  );
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
  const t = usePlanMessages();
  const errorText = useFieldErrorText();
  const planName = usePlanName();
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
      title={target ? t.switchToTitle({ plan: planName(target.id) }) : ''}
      description={target ? t.movesFrom({ organization: organizationName, from: planName(currentPlan), to: planName(target.id) }) : undefined}
      confirmLabel={pending ? t.switching() : target ? t.switchTo({ plan: planName(target.id) }) : t.switch()}
      tone={risky ? 'danger' : 'primary'}
      pending={pending}
      confirmDisabled={change === null}
      onConfirm={() => target && onConfirm(target)}
      onCancel={onCancel}
    >
      {target && (
        <div className="space-y-3 text-sm">
          <dl className="tabular grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-md bg-surface-muted p-3">
            <dt className="font-semibold text-ink">{t.newMonthlyCost({ listPrice: listPrices ? 'yes' : 'no' })}</dt>
            <dd className="text-end font-semibold text-ink">{t.pricePerPeriod({ price: formatMinor(monthlyCents(target.id), target.currency), period: 'month' })}</dd>
            <dt className="text-ink-muted">{t.nowOn({ plan: planName(currentPlan), listPrice: now ? 'no' : 'yes' })}</dt>
            <dd className="text-end text-ink-muted">
              {current.period === 'year'
                ? t.pricePerMonthBilledYearly({ price: formatMinor(nowPrice.cents, nowPrice.currency) })
                : t.pricePerPeriod({ price: formatMinor(nowPrice.cents, nowPrice.currency), period: 'month' })}
            </dd>
          </dl>
          {difference !== null && <p className="text-ink">{t.monthlyChangeSentence({ change: describeMonthlyChange(difference, target.currency, listPrices || !now, t) })}</p>}
          {change === null ? (
            <p className="text-ink-muted">{t.lookingUp()}</p>
          ) : (
            <>
              <dl className="tabular grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-md border border-line p-3">
                <dt className="text-ink">{t.chargedNow()}</dt>
                <dd className="text-end text-ink">{formatMinor(change.chargedNowMinor, change.price.currency)}</dd>
                <dt className="text-ink">
                  {change.priceFrom
                    ? t.priceFromOn({ from: change.trialContinues ? 'trial' : 'renewal', date: formatBillingDate(change.priceFrom, 'long') })
                    : t.priceFrom({ from: change.trialContinues ? 'trial' : 'next' })}
                </dt>
                <dd className="text-end text-ink">{t.pricePerPeriod({ price: formatMinor(change.price.minor, change.price.currency), period: change.price.period })}</dd>
              </dl>
              <p className="text-ink">{t.appliesAtOnce({ plan: planName(target.id), trial: change.trialContinues ? 'yes' : 'no' })}</p>
              {change.trialContinues && <p className="text-ink">{t.trialContinues({ plan: planName(target.id), days: trialDaysLeft })}</p>}
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
            <p className="text-ink">{t.auditLogsChange({ days: target.auditLogsRetentionInDays, previous: current.auditLogsRetentionInDays })}</p>
          )}
          {!isOffered(currentPlan) && <p className="text-ink">{t.cannotSwitchBack({ plan: planName(currentPlan) })}</p>}
          {error && <FailureMessage error={error}>{t.planNotChanged({ message: errorText(error.message) })}</FailureMessage>}
        </div>
      )}
    </ConfirmDialog>
  );
}
