import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '@/api/api-error';
import type { Invoice, Organization } from '@/api/contract';
import { invoiceReference } from '@/api/invoice-reference';
import { mayUse, type Role } from '@/api/permissions';
import { billingStatusQuery, creditCardsQuery, currentCostQuery, invoicesQuery } from '@/api/queries';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingBlock } from '@/components/ui/skeleton';
import { formatBillingDate, formatInstant } from '@/lib/date-format';
import { formatMinor } from '@/lib/money';
import { plural } from '@/lib/plural';
import { billingHealth, type HealthItem } from '../billing-health';

/** The invoice list filtered to unpaid invoices (NOT_PAID and PAYMENT_DUE), from the overview. */
const UNPAID_INVOICES = '../invoices?status=NOT_PAID%2CPAYMENT_DUE';

type Tone = 'danger' | 'warning' | 'info';

const TONES: Record<Tone, string> = {
  danger: 'border-danger-line bg-danger-soft text-danger-ink',
  warning: 'border-warning-line bg-warning-soft text-warning-ink',
  info: 'border-info-line bg-info-soft text-info-ink',
};

interface Action {
  label: string;
  to: string;
}

function Entry({ tone, title, action, children }: { tone: Tone; title: string; action: Action | null; children: ReactNode }) {
  return (
    <li>
      {/* Only what blocks billing now interrupts a screen reader; the rest is read in turn. */}
      <div role={tone === 'danger' ? 'alert' : undefined} className={cn('flex flex-col gap-3 rounded-lg border p-4 sm:flex-row sm:items-start sm:justify-between', TONES[tone])}>
        <div className="min-w-0">
          <p className="font-semibold">{title}</p>
          <div className="mt-1 text-sm">{children}</div>
        </div>
        {action && (
          <ButtonLink to={action.to} relative="path" variant={tone === 'danger' ? 'danger' : 'secondary'} className="shrink-0">
            {action.label}
          </ButtonLink>
        )}
      </div>
    </li>
  );
}

/** Each invoice a link to it, with its amount and when it was issued. */
function InvoiceLinks({ invoices }: { invoices: readonly Invoice[] }) {
  return (
    <ul className="mt-2 flex flex-col gap-1">
      {invoices.map((invoice) => (
        <li key={invoice.id} className="tabular">
          <Link to={`../invoices/${invoice.id}`} relative="path" className="font-mono font-medium underline underline-offset-2">
            {invoiceReference(invoice.id)}
          </Link>{' '}
          · {formatMinor(invoice.total_in_cents, invoice.currency_code)} · issued {formatBillingDate(invoice.created_at)}
        </li>
      ))}
    </ul>
  );
}

function HealthEntry({ item, organization, canFix }: { item: HealthItem; organization: Organization | undefined; canFix: boolean }) {
  const name = organization?.name ?? 'The organization';
  const admins = organization?.admin_emails ?? [];
  // Who can act when the reader's role cannot: the admins the API names, or the roles.
  const ask = (what: string) => (canFix ? '' : ` An admin${admins.length > 0 ? ` (${admins.join(', ')})` : ''} or a billing manager can ${what}.`);
  const addCard = canFix ? { label: 'Add a card', to: '../payment-methods' } : null;
  const unpaidList = { label: 'See unpaid invoices', to: UNPAID_INVOICES };
  const fix = (kind: 'credit' | 'invoices' | null) => (kind === 'credit' ? { label: 'Redeem a credit code', to: '../credits' } : kind === 'invoices' && canFix ? unpaidList : null);

  switch (item.kind) {
    case 'billing-invalid':
      return (
        <Entry tone="danger" title="Billing is invalid" action={fix(item.fix)}>
          {item.message ?? 'Billing needs attention before new deployments can run.'}
          {item.fix === 'invoices' && ask('pay the unpaid invoices')}
        </Entry>
      );
    case 'deployments-blocked':
      return (
        <Entry tone="danger" title="All deployments are blocked" action={fix(item.fix)}>
          The billing restriction “{item.restriction}” blocks every deployment of {name}.{item.fix === null && ' Billing support can say why: quote the billing account ID.'}
        </Entry>
      );
    case 'no-card': {
      const trial =
        item.trialDays > 0
          ? ` The trial ends in ${plural(item.trialDays, 'day', 'days')}${item.trialEndsAt ? `, on ${formatBillingDate(item.trialEndsAt, 'long')}` : ''}; the plan is then charged at each renewal.`
          : '';
      return item.managedClustersBlocked ? (
        <Entry tone="warning" title="No card: managed clusters are blocked" action={addCard}>
          Until a card is added, {name} can deploy on demo clusters only.{trial}
          {ask('add one')}
        </Entry>
      ) : (
        <Entry tone="warning" title="Add a card before the trial ends" action={addCard}>
          No card is on file yet.{trial}
        </Entry>
      );
    }
    case 'no-valid-card':
      return (
        <Entry tone="warning" title="No valid card for the next renewal" action={addCard}>
          The plan is charged at each renewal{item.renewalAt ? `, next on ${formatBillingDate(item.renewalAt, 'long')}` : ''}, and no card on file is valid
          {item.expiredCards > 0 ? ` (${plural(item.expiredCards, 'card has', 'cards have')} expired)` : ''}.
        </Entry>
      );
    case 'card-expiring':
      return (
        <Entry tone="warning" title={`The card ending in ${item.card.last_digit} expires before the next renewal`} action={addCard}>
          It works until the end of {String(item.card.expiry_month).padStart(2, '0')}/{item.card.expiry_year}; the plan renews on {formatBillingDate(item.renewalAt, 'long')}.
        </Entry>
      );
    case 'unpaid': {
      const [first] = item.invoices;
      const one = item.invoices.length === 1 && first;
      const overdue = item.daysLeft === 0;
      return (
        <Entry
          tone={overdue ? 'danger' : 'warning'}
          title={one ? `Invoice ${invoiceReference(one.id)} is unpaid` : `${item.invoices.length} invoices are unpaid`}
          action={one ? { label: 'See the invoice', to: `../invoices/${one.id}` } : unpaidList}
        >
          {/* The deadline in large type: the one thing to remember from this entry. */}
          <span className="tabular block text-3xl font-semibold leading-tight">{overdue ? 'Overdue' : `${plural(item.daysLeft, 'day', 'days')} left`}</span>
          Billing {overdue ? 'turned' : 'turns'} invalid on{' '}
          <time dateTime={item.deadline.toISOString()} className="font-semibold">
            {formatInstant(item.deadline)}
          </time>
          {overdue ? '.' : ` unless ${one ? 'it is' : 'the oldest is'} paid by then.`}
          <InvoiceLinks invoices={item.invoices} />
        </Entry>
      );
    }
    case 'payment-failed':
    case 'payment-due': {
      const failed = item.kind === 'payment-failed';
      const count = plural(item.invoices.length, 'invoice', 'invoices');
      return (
        <Entry tone={failed ? 'warning' : 'info'} title={failed ? `The payment of ${count} failed` : `${count} awaiting payment`} action={unpaidList}>
          {item.totals.map((total) => formatMinor(total.minor, total.currency)).join(' · ')}{' '}
          {failed ? 'owed. Billing stays valid while credit lasts.' : `due under ${item.invoices.length === 1 ? 'its' : 'their'} payment terms.`}
          <InvoiceLinks invoices={item.invoices} />
        </Entry>
      );
    }
  }
}

/**
 * Everything that can stop the organization, most urgent first, each with its one action; one line
 * when all is well. Cards and invoices only for the roles that may read them (not even requested
 * otherwise); the status, the restriction and the cost for every member.
 */
export function BillingHealthPanel({
  organizationId,
  organization,
  role,
  now = new Date(),
}: {
  organizationId: string;
  organization: Organization | undefined;
  role: Role | null;
  now?: Date;
}) {
  const canReadBilling = mayUse(role, 'billing:read');
  const status = useQuery(billingStatusQuery(organizationId));
  const cost = useQuery(currentCostQuery(organizationId));
  const cards = useQuery({ ...creditCardsQuery(organizationId), enabled: canReadBilling });
  const invoices = useQuery({ ...invoicesQuery(organizationId), enabled: canReadBilling });
  const valid = status.data?.is_valid !== false;

  let content: ReactNode;
  if (status.isError) {
    content = <ErrorState title="Could not load the billing status" error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />;
  } else if (!status.data || cost.isPending || (canReadBilling && (cards.isPending || invoices.isPending))) {
    content = <LoadingBlock label="Checking the billing health" />;
  } else {
    const items = billingHealth({
      now,
      status: status.data,
      restriction: organization?.billing_deployment_restriction,
      cost: cost.data,
      cards: cards.data?.results,
      invoices: invoices.data?.results,
    });
    // A 403 (an unknown role on a real backend) only means the role cannot see them: not a failure to report.
    const unchecked = (
      [
        ['the cards', cards],
        ['the invoices', invoices],
      ] as const
    ).filter(([, query]) => query.isError && !(query.error instanceof ApiError && query.error.status === 403));
    content = (
      <>
        {/* The status's own message, unless an unpaid invoice's entry already says it (in more detail). */}
        {valid && items.length > 0 && !items.some((item) => item.kind === 'unpaid') && status.data.message && <p className="mb-3 text-sm text-ink-muted">{status.data.message}</p>}
        {items.length > 0 ? (
          <ul aria-label="Needs attention, most urgent first" className="flex flex-col gap-3">
            {items.map((item) => (
              <HealthEntry key={item.kind} item={item} organization={organization} canFix={mayUse(role, 'billing:write')} />
            ))}
          </ul>
        ) : (
          unchecked.length === 0 && (
            <>
              <p className="text-sm">
                <span aria-hidden="true" className="mr-1 text-success-ink">
                  ✓
                </span>
                {canReadBilling && 'Nothing needs attention. '}
                Billing is valid.
              </p>
              {/* The status's own words stand apart from the tick: for a role that sees no invoices, they may warn of one. */}
              {status.data.message && status.data.message !== 'Billing is valid.' && <p className="mt-1 text-sm text-ink">{status.data.message}</p>}
            </>
          )
        )}
        {unchecked.map(([what, query]) => (
          <div key={what} className="mt-3">
            <ErrorState title={`Could not check ${what}`} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
          </div>
        ))}
      </>
    );
  }

  return (
    <Card title="Billing health" actions={status.data && <Badge tone={valid ? 'success' : 'danger'}>{valid ? 'Valid' : 'Invalid'}</Badge>} className="mb-6">
      {content}
    </Card>
  );
}
