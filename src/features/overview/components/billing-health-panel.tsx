import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '@/api/api-error';
import type { Invoice, Organization } from '@/api/contract';
import { invoiceReference } from '@/api/invoice-reference';
import { can, type Role } from '@/api/permissions';
import { billingStatusQuery, creditCardsQuery, currentCostQuery, invoicesQuery } from '@/api/queries';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingBlock } from '@/components/ui/skeleton';
import { formatBillingDate, formatInstant } from '@/lib/date-format';
import { plural } from '@/lib/format';
import { formatMinor } from '@/lib/money';
import { billingHealth, type HealthItem } from '../billing-health';

/** The invoice list filtered to unpaid invoices (NOT_PAID and PAYMENT_DUE), from the overview. */
const UNPAID_INVOICES = '../invoices?status=NOT_PAID%2CPAYMENT_DUE';
import { mayReadBilling } from '../may-read-billing';

type Tone = 'danger' | 'warning' | 'info';

const TONES: Record<Tone, string> = {
  danger: 'border-danger-line bg-danger-soft text-danger-ink',
  warning: 'border-warning-line bg-warning-soft text-warning-ink',
  info: 'border-info-line bg-info-soft text-info-ink',
};

function Entry({ tone, title, action, children }: { tone: Tone; title: ReactNode; action: ReactNode; children?: ReactNode }) {
  return (
    <li>
      {/* Only what blocks billing now interrupts a screen reader; the rest is read in turn. */}
      <div role={tone === 'danger' ? 'alert' : undefined} className={cn('flex flex-col gap-3 rounded-lg border p-4 sm:flex-row sm:items-start sm:justify-between', TONES[tone])}>
        <div className="min-w-0">
          <p className="font-semibold">{title}</p>
          {children && <div className="mt-1 text-sm">{children}</div>}
        </div>
        {action && <div className="shrink-0">{action}</div>}
      </div>
    </li>
  );
}

/** Each invoice a link to it, with what it is for and when it was issued. */
function InvoiceLinks({ invoices }: { invoices: readonly Invoice[] }) {
  return (
    <ul className="mt-2 flex flex-col gap-1">
      {invoices.map((invoice) => (
        <li key={invoice.id} className="tabular">
          <Link to={`../invoices/${invoice.id}`} relative="path" className="font-mono font-medium underline underline-offset-2">
            {invoiceReference(invoice.id)}
          </Link>
          {' · '}
          {formatMinor(invoice.total_in_cents, invoice.currency_code)} · issued {formatBillingDate(invoice.created_at)}
        </li>
      ))}
    </ul>
  );
}

const action = (label: string, to: string, tone: Tone) => (
  <ButtonLink to={to} relative="path" variant={tone === 'danger' ? 'danger' : 'secondary'}>
    {label}
  </ButtonLink>
);

/** Who can act when the reader's role cannot: the admins the API names, or the roles. */
function askSomeone(organization: Organization | undefined, what: string): string {
  const admins = organization?.admin_emails ?? [];
  return admins.length > 0 ? ` An admin (${admins.join(', ')}) or a billing manager can ${what}.` : ` An admin or a billing manager of your organization can ${what}.`;
}

function HealthEntry({ item, organization, canFix }: { item: HealthItem; organization: Organization | undefined; canFix: boolean }) {
  const name = organization?.name ?? 'The organization';
  const addCard = canFix ? action('Add a card', '../payment-methods', 'warning') : null;
  const fixLink = (fix: 'credit' | 'invoices' | null, tone: Tone) =>
    fix === 'credit' ? action('Redeem a credit code', '../credits', tone) : fix === 'invoices' && canFix ? action('See unpaid invoices', UNPAID_INVOICES, tone) : null;

  switch (item.kind) {
    case 'billing-invalid':
      return (
        <Entry tone="danger" title="Billing is invalid" action={fixLink(item.fix, 'danger')}>
          {item.message ?? 'Billing needs attention before new deployments can run.'}
          {item.fix === 'invoices' && !canFix && askSomeone(organization, 'pay the unpaid invoices')}
        </Entry>
      );
    case 'deployments-blocked':
      return (
        <Entry tone="danger" title="All deployments are blocked" action={fixLink(item.fix, 'danger')}>
          The billing restriction “{item.restriction}” blocks every deployment of {name}.
          {item.fix === null && ' Billing support can tell why: quote the billing account ID below.'}
        </Entry>
      );
    case 'no-card': {
      const trial = item.trialDays > 0 && (
        <>
          {' '}
          The trial ends in {plural(item.trialDays, 'day', 'days')}
          {item.trialEndsAt ? `, on ${formatBillingDate(item.trialEndsAt, 'long')}` : ''}; from then on the plan is charged at each renewal.
        </>
      );
      return (
        <Entry tone="warning" title={item.managedClustersBlocked ? 'No card: managed clusters are blocked' : 'Add a card before the trial ends'} action={addCard}>
          {item.managedClustersBlocked ? `Until a card is added, ${name} can deploy on demo clusters only.` : 'No card is on file yet.'}
          {trial}
          {!canFix && askSomeone(organization, 'add one')}
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
          It works until the end of {String(item.card.expiry_month).padStart(2, '0')}/{item.card.expiry_year}, and the plan renews on {formatBillingDate(item.renewalAt, 'long')}: add a
          card that will still be valid then.
        </Entry>
      );
    case 'unpaid': {
      const [only] = item.invoices;
      const single = item.invoices.length === 1 && only;
      return (
        <Entry
          tone={item.daysLeft === 0 ? 'danger' : 'warning'}
          title={single ? `Invoice ${invoiceReference(only.invoice.id)} is unpaid` : `${item.invoices.length} invoices are unpaid`}
          action={single ? action('See the invoice', `../invoices/${only.invoice.id}`, 'warning') : action('See unpaid invoices', UNPAID_INVOICES, 'warning')}
        >
          {/* The deadline in large type: the one thing to remember from this entry. */}
          <p className="mt-1">
            <span className="tabular block text-3xl font-semibold leading-tight">
              {item.daysLeft === 0 ? 'Overdue' : `${plural(item.daysLeft, 'day', 'days')} left`}
            </span>
            {item.daysLeft === 0 ? 'Billing turned invalid on ' : 'Billing turns invalid on '}
            <time dateTime={item.deadline.toISOString()} className="font-semibold">
              {formatInstant(item.deadline)}
            </time>
            {item.daysLeft === 0 ? ', 7 days after the oldest unpaid invoice was issued.' : ` unless ${single ? 'it is' : 'the oldest is'} paid by then.`}
          </p>
          <InvoiceLinks invoices={item.invoices.map((entry) => entry.invoice)} />
        </Entry>
      );
    }
    case 'payment-due':
      return (
        <Entry tone="info" title={`${plural(item.invoices.length, 'invoice', 'invoices')} awaiting payment`} action={action('See unpaid invoices', UNPAID_INVOICES, 'info')}>
          {item.totals.map((total) => formatMinor(total.minor, total.currency)).join(' · ')} due under {item.invoices.length === 1 ? 'its' : 'their'} payment terms.
          <InvoiceLinks invoices={item.invoices} />
        </Entry>
      );
  }
}

/** A query the panel reads but did not get: said in the panel, with its own retry. */
function Unchecked({ what, query }: { what: string; query: UseQueryResult }) {
  if (!query.isError) return null;
  return <ErrorState title={`Could not check ${what}`} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
}

/**
 * Everything that can stop the organization, most urgent first, each with its one action; one line
 * when all is well. Cards and invoices only for the roles that may read them (not even requested
 * otherwise); the status, the restriction and the cost for every member.
 */
export function BillingHealthPanel({ organizationId, organization, role, now = new Date() }: { organizationId: string; organization: Organization | undefined; role: Role | null; now?: Date }) {
  const canReadBilling = mayReadBilling(role);
  const status = useQuery(billingStatusQuery(organizationId));
  const cost = useQuery(currentCostQuery(organizationId));
  const cards = useQuery({ ...creditCardsQuery(organizationId), enabled: canReadBilling });
  const invoices = useQuery({ ...invoicesQuery(organizationId), enabled: canReadBilling });
  const canFix = role === null || can(role, 'billing:write');

  const badge = status.data && <Badge tone={status.data.is_valid === false ? 'danger' : 'success'}>{status.data.is_valid === false ? 'Invalid' : 'Valid'}</Badge>;
  const waiting = status.isPending || cost.isPending || (canReadBilling && (cards.isPending || invoices.isPending));
  let content: ReactNode;
  if (status.isError) {
    content = <ErrorState title="Could not load the billing status" error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />;
  } else if (waiting || !status.data) {
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
    // A 403 on cards or invoices (an unknown role on a real backend) is not a failure to report: that role just cannot see them.
    const unchecked = [
      { what: 'the cards', query: cards },
      { what: 'the invoices', query: invoices },
    ].filter(({ query }) => query.isError && !(query.error instanceof ApiError && query.error.status === 403));
    const valid = status.data.is_valid !== false;
    content = (
      <>
        {valid && items.length > 0 && status.data.message && <p className="mb-3 text-sm text-ink-muted">{status.data.message}</p>}
        {items.length > 0 ? (
          <ul aria-label="Needs attention, most urgent first" className="flex flex-col gap-3">
            {items.map((item) => (
              <HealthEntry key={item.kind} item={item} organization={organization} canFix={canFix} />
            ))}
          </ul>
        ) : (
          unchecked.length === 0 && (
            <p className="text-sm text-ink">
              <span aria-hidden="true" className="mr-1 text-success-ink">
                ✓
              </span>
              {canReadBilling ? 'Nothing needs attention. ' : ''}
              {status.data.message ?? 'Billing is valid.'}
            </p>
          )
        )}
        {unchecked.length > 0 && (
          <div className="mt-3 flex flex-col gap-3">
            {unchecked.map(({ what, query }) => (
              <Unchecked key={what} what={what} query={query} />
            ))}
          </div>
        )}
      </>
    );
  }

  return (
    <Card title="Billing health" actions={badge} className="mb-6">
      {content}
    </Card>
  );
}
