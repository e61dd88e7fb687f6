import type { Plan } from '@/api/contract';
import { Badge } from '@/components/ui/badge';
import { formatMinor } from '@/lib/money';
import { monthlyCents, OLDER_PLANS } from '../plan-comparison';

/** Plans no longer offered, for reference: an organization on one sees where it stands. */
export function OlderPlans({ currentPlan }: { currentPlan: Plan | undefined }) {
  return (
    <div className="overflow-x-auto">
      <table className="tabular w-full text-sm">
        <caption className="sr-only">Plans no longer offered</caption>
        <thead>
          <tr className="border-b border-line text-left text-ink-muted">
            <th scope="col" className="py-2 pr-3 font-medium">
              Plan
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Price
            </th>
            <th scope="col" className="py-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {OLDER_PLANS.map((plan) => (
            <tr key={plan.id} className="border-b border-line align-top last:border-b-0">
              <th scope="row" className="py-2 pr-3 text-left font-medium text-ink">
                {plan.name}
                {plan.id === currentPlan && (
                  <Badge tone="info" className="ml-2">
                    Current plan
                  </Badge>
                )}
              </th>
              <td className="py-2 pr-3 text-ink">
                {formatMinor(plan.priceInCents, plan.currency)} / {plan.period}
                {plan.period === 'year' && <span className="block text-xs text-ink-muted">{formatMinor(monthlyCents(plan.id), plan.currency)} / month</span>}
              </td>
              <td className="py-2 text-ink-muted">{plan.deprecated ? 'Deprecated: cannot be chosen' : 'Previous generation: not offered'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
