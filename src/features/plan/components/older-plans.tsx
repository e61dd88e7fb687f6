import type { Plan } from '@/api/contract';
import { Badge } from '@/components/ui/badge';
import { usePlanName } from '@/components/ui/plan-name';
import { formatMinor } from '@/lib/money';
import { usePlanMessages } from '../messages';
import { monthlyCents, OLDER_PLANS } from '../plan-comparison';
import { ColumnHeader } from '@/components/ui/column-header';

/** Plans no longer offered, for reference: an organization on one sees where it stands. */
export function OlderPlans({ currentPlan }: { currentPlan: Plan | undefined }) {
  const t = usePlanMessages();
  const planName = usePlanName();
  return (
    <div className="overflow-x-auto">
      <table className="tabular w-full text-sm">
        <caption className="sr-only">{t.plansNoLongerOffered()}</caption>
        <thead>
          <tr className="border-b border-line text-start text-ink-muted">
            <ColumnHeader className="py-2 pe-3">{t.columnPlan()}</ColumnHeader>
            <ColumnHeader className="py-2 pe-3">{t.columnPrice()}</ColumnHeader>
            <ColumnHeader className="py-2">{t.columnStatus()}</ColumnHeader>
          </tr>
        </thead>
        <tbody>
          {OLDER_PLANS.map((plan) => (
            <tr key={plan.id} className="border-b border-line align-top last:border-b-0">
              <th scope="row" className="py-2 pe-3 text-start font-medium text-ink">
                {planName(plan.id)}
                {plan.id === currentPlan && (
                  <Badge tone="info" className="ms-2">
                    {t.currentPlan()}
                  </Badge>
                )}
              </th>
              <td className="py-2 pe-3 text-ink">
                {t.pricePerPeriod({ price: formatMinor(plan.priceInCents, plan.currency), period: plan.period })}
                {plan.period === 'year' && (
                  <span className="block text-xs text-ink-muted">{t.pricePerPeriod({ price: formatMinor(monthlyCents(plan.id), plan.currency), period: 'month' })}</span>
                )}
              </td>
              <td className="py-2 text-ink-muted">{plan.deprecated ? t.deprecatedStatus() : t.previousGenerationStatus()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
