import type { BillingStatus, CurrentCost } from '@/api/contract';
import { can, type Role } from '@/api/permissions';
import { PLAN_CATALOG } from '@/api/plans';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { UNPAID_INVOICES_FILTER } from '@/lib/invoice-totals';

// Defined in src/lib so that the unpaid-invoices banner (shipped with the first page) does not pull this module in.
export { UNPAID_INVOICES_FILTER };

/** The way out of an invalid billing status depends on why: credit for trials and free plans, payment otherwise. */
function fix(cost: CurrentCost | undefined, role: Role | null): { label: string; to: string } | null {
  const onCredit = (cost?.remaining_trial_day ?? 0) > 0 || (cost?.plan !== undefined && PLAN_CATALOG[cost.plan].priceInCents === 0);
  if (onCredit) return { label: 'Redeem a credit code', to: '../credits' };
  if (role === null || can(role, 'billing:read')) return { label: 'See unpaid invoices', to: `../${UNPAID_INVOICES_FILTER}` };
  return null;
}

export function StatusBanner({ status, cost, role }: { status: BillingStatus; cost: CurrentCost | undefined; role: Role | null }) {
  if (status.is_valid !== false) return null;
  const action = fix(cost, role);
  return (
    <Alert
      tone="danger"
      title="Billing is invalid"
      className="mb-6"
      action={action && <ButtonLink to={action.to} relative="path" variant="danger">{action.label}</ButtonLink>}
    >
      {status.message ?? 'Billing needs attention before new deployments can run.'}
      {!action && ' Ask an admin or a billing manager of your organization to fix it.'}
    </Alert>
  );
}
