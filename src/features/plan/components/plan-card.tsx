import type { Plan } from '@/api/contract';
import type { PlanInfo } from '@/api/plans';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { usePlanName } from '@/components/ui/plan-name';
import { formatMinor } from '@/lib/money';
import { usePlanMessages } from '../messages';
import { monthlyChangeCents, type MonthlyPrice } from '../plan-comparison';
import { describeMonthlyChange } from './cost-change';
import { PLAN_HIGHLIGHTS } from '../plan-highlights';

export function PlanCard({
  plan,
  currentPlan,
  now,
  listPrices,
  canChange,
  onChoose,
}: {
  plan: PlanInfo;
  currentPlan: Plan | undefined;
  /** What the organization pays per month now, from the API; null until known. */
  now: MonthlyPrice | null;
  /** The catalog's prices are the sandbox's list prices: against a real backend they are labelled so. */
  listPrices: boolean;
  canChange: boolean;
  onChoose: (plan: PlanInfo) => void;
}) {
  const t = usePlanMessages();
  const planName = usePlanName();
  const isCurrent = plan.id === currentPlan;
  const change = !isCurrent && now ? monthlyChangeCents(now, plan.id) : null;
  const price = isCurrent && now ? { cents: now.cents, currency: now.currency, period: 'month' } : { cents: plan.priceInCents, currency: plan.currency, period: plan.period };
  const headingId = `plan-${plan.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className={cn('flex flex-col rounded-lg border bg-surface p-4 shadow-sm sm:p-5', isCurrent ? 'border-accent ring-1 ring-accent' : 'border-line')}
    >
      <div className="flex items-center justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold text-ink">
          {planName(plan.id)}
        </h3>
        {isCurrent && <Badge tone="info">{t.currentPlan()}</Badge>}
      </div>
      <p className="tabular mt-2 text-xl font-semibold text-ink sm:text-2xl xl:text-xl">
        {formatMinor(price.cents, price.currency)}
        <span className="text-sm font-normal text-ink-muted"> {t.cardPeriod({ period: price.period, listPrice: listPrices && !(isCurrent && now) ? 'yes' : 'no' })}</span>
      </p>
      <p className="mt-1 min-h-5 text-sm text-ink-muted">{isCurrent ? t.whatYouPay() : change !== null ? describeMonthlyChange(change, plan.currency, listPrices, t) : null}</p>
      <ul className="mt-4 flex-1 space-y-1.5 text-sm text-ink">
        {PLAN_HIGHLIGHTS[plan.id].map((highlight) => (
          <li key={highlight} className="flex gap-2">
            <span aria-hidden="true" className="text-ink-muted">
              ✓
            </span>
            {t[highlight]()}
          </li>
        ))}
        <li className="flex gap-2">
          <span aria-hidden="true" className="text-ink-muted">
            ✓
          </span>
          {t.auditLogsKept({ days: plan.auditLogsRetentionInDays })}
        </li>
      </ul>
      {canChange && !isCurrent && (
        <Button variant="secondary" className="mt-5 w-full" onClick={() => onChoose(plan)}>
          {t.switchTo({ plan: planName(plan.id) })}
        </Button>
      )}
    </article>
  );
}
