import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { can } from '@/api/permissions';
import { PLAN_CATALOG, type PlanInfo } from '@/api/plans';
import { billingStatusQuery, currentCostQuery } from '@/api/queries';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { usePlanName } from '@/components/ui/plan-name';
import { LoadingBlock } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { useFocusRequest } from '@/components/ui/use-focus-request';
import { formatBillingDate } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import { useSession } from '@/lib/session';
import { useCurrentOrganization } from '@/lib/use-organization';
import { useChangePlan } from './api/use-change-plan';
import { ChangePlanDialog, type BillingFacts } from './components/change-plan-dialog';
import { OlderPlans } from './components/older-plans';
import { PlanCard } from './components/plan-card';
import { usePlanMessages } from './messages';
import { currentMonthlyPrice, isOffered, OFFERED_PLANS, planChangedMessage } from './plan-comparison';
import { useFieldErrorText } from '@/components/ui/field-error-text';

export function Component() {
  const t = usePlanMessages();
  const errorText = useFieldErrorText();
  const planName = usePlanName();
  const { organizationId, organization, role } = useCurrentOrganization();
  const cost = useQuery(currentCostQuery(organizationId));
  const status = useQuery(billingStatusQuery(organizationId));
  const mutation = useChangePlan(organizationId);
  const [target, setTarget] = useState<PlanInfo | null>(null);
  // Escape closes the native dialog even while the change is in flight: its outcome must still be told.
  const dialogOpen = useRef(false);
  // The Switch button that opened the dialog goes away once its plan is the current one.
  const yourPlan = useFocusRequest<HTMLHeadingElement>();
  const canChange = role === null || can(role, 'plan:change');
  const currentPlan = organization?.plan;
  const current = currentPlan ? PLAN_CATALOG[currentPlan] : undefined;
  // Differences start from what the API says is paid now; other plans' prices are the catalog's, which
  // are the sandbox's documented list prices: against a real backend they are labelled as such.
  const actualCost = cost.data?.cost;
  const now = currentPlan && actualCost ? currentMonthlyPrice(currentPlan, actualCost) : null;
  const listPrices = !(useSession()?.sandbox ?? false);
  const organizationName = organization?.name ?? t.thisOrganization();
  const trialDaysLeft = cost.data?.remaining_trial_day ?? 0;
  // A failed load is shown on the page; the dialog then says what it can without it.
  const facts: BillingFacts | null =
    cost.isPending || status.isPending ? null : { nextRenewal: cost.data?.renewal_at ? new Date(cost.data.renewal_at) : null, trialDaysLeft, status: status.data ?? null };

  const choose = (plan: PlanInfo) => {
    mutation.reset();
    dialogOpen.current = true;
    setTarget(plan);
  };
  const close = () => {
    dialogOpen.current = false;
    setTarget(null);
    if (!mutation.isPending) mutation.reset();
  };
  const confirm = (plan: PlanInfo) => {
    mutation.mutate(plan.id, {
      onSuccess: () => {
        dialogOpen.current = false;
        setTarget(null);
        yourPlan.request();
        toast.success(planChangedMessage(organizationName, plan, facts, { t, planName }));
      },
      onError: (error) => {
        if (!dialogOpen.current) toast.error(t.planNotChanged({ message: errorText(error.message) }));
      },
    });
  };

  return (
    <>
      <PageHeader title={t.title()} description={t.description()} documentTitle={organization ? t.documentTitle({ organization: organization.name }) : t.title()} />
      <div className="flex flex-col gap-6">
        {!canChange && role && <Alert title={t.adminsOnly()}>{t.yourRole({ role, organization: organizationName })}</Alert>}

        <Card title={t.yourPlan()} headingRef={yourPlan.ref}>
          {current ? (
            <>
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <p className="text-2xl font-semibold text-ink">{planName(current.id)}</p>
                <p className="tabular text-ink">
                  {actualCost ? formatMinor(actualCost.total_in_cents, actualCost.currency_code) : formatMinor(current.priceInCents, current.currency)}{' '}
                  <span className="text-sm text-ink-muted">{t.perPeriod({ period: current.period })}</span>
                </p>
                {!isOffered(current.id) && <Badge tone="warning">{current.deprecated ? t.deprecated() : t.previousGeneration()}</Badge>}
              </div>
              {cost.isPending ? (
                <LoadingBlock label={t.loadingRenewal()} lines={1} />
              ) : cost.isError ? (
                <ErrorState title={t.renewalError()} error={cost.error} onRetry={() => void cost.refetch()} retrying={cost.isFetching} />
              ) : (
                <p className="mt-1 text-sm text-ink-muted">
                  {t.renewalLine({
                    renewal: cost.data.renewal_at ? 'date' : 'none',
                    date: cost.data.renewal_at ? formatBillingDate(cost.data.renewal_at, 'long') : '',
                    trialDays: Math.max(0, trialDaysLeft),
                  })}
                </p>
              )}
              {!isOffered(current.id) && <p className="mt-3 text-sm text-ink">{t.noLongerOffered({ plan: planName(current.id), organization: organizationName })}</p>}
            </>
          ) : (
            <LoadingBlock label={t.loadingPlan()} lines={2} />
          )}
        </Card>

        <section aria-labelledby="plans-heading">
          <h2 id="plans-heading" className="mb-3 text-base font-semibold text-ink">
            {t.plans()}
          </h2>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {OFFERED_PLANS.map((plan) => (
              <PlanCard key={plan.id} plan={plan} currentPlan={currentPlan} now={now} listPrices={listPrices} canChange={canChange} onChoose={choose} />
            ))}
          </div>
          <p className="mt-3 text-xs text-ink-muted">{listPrices ? t.listPricesNote({ zero: formatMinor(0, 'USD') }) : t.pricesNote({ zero: formatMinor(0, 'USD') })}</p>
        </section>

        <Card title={t.olderPlans()}>
          <p className="mb-3 text-sm text-ink-muted">{t.olderPlansNote()}</p>
          <OlderPlans currentPlan={currentPlan} />
        </Card>
      </div>

      {currentPlan && (
        <ChangePlanDialog
          target={target}
          currentPlan={currentPlan}
          now={now}
          listPrices={listPrices}
          organizationName={organizationName}
          facts={facts}
          pending={mutation.isPending}
          error={mutation.error}
          onConfirm={confirm}
          onCancel={close}
        />
      )}
    </>
  );
}
