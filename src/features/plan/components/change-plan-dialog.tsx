import type { Plan } from '@/api/contract';
import { PLAN_CATALOG, type PlanInfo } from '@/api/plans';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage } from '@/components/ui/field';
import { formatCents } from '@/lib/format';
import { isOffered, monthlyCents, monthlyChangeCents, movesOntoCredit, type MonthlyPrice } from '../plan-comparison';
import { describeMonthlyChange } from './cost-change';

/**
 * Says what the change costs before it is made: the new monthly price, the difference, what else
 * changes, and, when a paid plan gives way to one that runs on credit, what billing will need.
 */
export function ChangePlanDialog({ target, currentPlan, now, listPrices, organizationName, pending, error, onConfirm, onCancel }: {
  target: PlanInfo | null;
  currentPlan: Plan;
  /** What the organization pays per month now, from the API; null when unknown (the list price stands in, labelled). */
  now: MonthlyPrice | null;
  /** The target's price is the sandbox's list price, not one the backend confirmed. */
  listPrices: boolean;
  organizationName: string;
  pending: boolean;
  error: Error | null;
  onConfirm: (plan: PlanInfo) => void;
  onCancel: () => void;
}) {
  const current = PLAN_CATALOG[currentPlan];
  const ontoCredit = target !== null && movesOntoCredit(currentPlan, target.id);
  const nowPrice = now ?? { cents: monthlyCents(currentPlan), currency: current.currency };
  const change = target ? monthlyChangeCents(nowPrice, target.id) : null;
  return (
    <ConfirmDialog
      open={target !== null}
      title={target ? `Switch to ${target.name}?` : ''}
      description={target ? `${organizationName} moves from ${current.name} to ${target.name} as soon as you confirm.` : undefined}
      confirmLabel={pending ? 'Switching…' : target ? `Switch to ${target.name}` : 'Switch'}
      tone={ontoCredit ? 'danger' : 'primary'}
      pending={pending}
      onConfirm={() => target && onConfirm(target)}
      onCancel={onCancel}
    >
      {target && (
        <div className="space-y-3 text-sm">
          <dl className="tabular grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-md bg-surface-muted p-3">
            <dt className="font-semibold text-ink">New monthly cost{listPrices ? ' (list price)' : ''}</dt>
            <dd className="text-right font-semibold text-ink">{formatCents(monthlyCents(target.id), target.currency)} / month</dd>
            <dt className="text-ink-muted">
              Now ({current.name}){now ? '' : ', list price'}
            </dt>
            <dd className="text-right text-ink-muted">
              {formatCents(nowPrice.cents, nowPrice.currency)} / month{current.period === 'year' ? ' (billed yearly)' : ''}
            </dd>
          </dl>
          {change !== null && <p className="text-ink">{describeMonthlyChange(change, target.currency, listPrices || !now)}.</p>}
          {target.auditLogsRetentionInDays !== current.auditLogsRetentionInDays && (
            <p className="text-ink">
              Audit logs will be kept {target.auditLogsRetentionInDays} days instead of {current.auditLogsRetentionInDays}.
            </p>
          )}
          {ontoCredit && (
            <div className="rounded-md border border-warning-line bg-warning-soft p-3 text-warning-ink">
              <p className="font-semibold">{target.name} runs on credit, not on invoices</p>
              <p className="mt-1">
                Billing stays valid only while {organizationName} has credit left. Without credit, billing becomes invalid and
                new deployments stop until a credit code is redeemed: redeem one before or right after switching.
              </p>
            </div>
          )}
          {!isOffered(currentPlan) && (
            <p className="text-ink">{current.name} is no longer offered: you will not be able to switch back to it.</p>
          )}
          {error && (
            <FailureMessage>
              The plan was not changed: {error.message}
            </FailureMessage>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}
