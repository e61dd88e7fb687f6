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
import { formatList } from '@/lib/i18n';
import { richText } from '@/lib/rich-text';
import { billingHealth, type HealthItem } from '../billing-health';
import { useOverviewMessages } from '../messages';

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

type OverviewMessages = ReturnType<typeof useOverviewMessages>;

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
function InvoiceLinks({ invoices, t }: { invoices: readonly Invoice[]; t: OverviewMessages }) {
  return (
    <ul className="mt-2 flex flex-col gap-1">
      {invoices.map((invoice) => (
        <li key={invoice.id} className="tabular">
          <Link to={`../invoices/${invoice.id}`} relative="path" className="font-mono font-medium underline underline-offset-2">
            {invoiceReference(invoice.id)}
          </Link>{' '}
          · {t.invoiceLine({ amount: formatMinor(invoice.total_in_cents, invoice.currency_code), date: formatBillingDate(invoice.created_at) })}
        </li>
      ))}
    </ul>
  );
}

function HealthEntry({ item, organization, canFix }: { item: HealthItem; organization: Organization | undefined; canFix: boolean }) {
  const t = useOverviewMessages();
  const name = organization?.name ?? t.theOrganization();
  const admins = organization?.admin_emails ?? [];
  // Who can act when the reader's role cannot: the admins the API names, or the roles.
  const ask = (action: 'pay' | 'add') => (canFix ? '' : ` ${t.askSomeone({ admins: admins.length > 0 ? formatList(admins) : 'none', action })}`);
  const addCard = canFix ? { label: t.addCard(), to: '../payment-methods' } : null;
  const unpaidList = { label: t.seeUnpaid(), to: UNPAID_INVOICES };
  const fix = (kind: 'credit' | 'invoices' | null) => (kind === 'credit' ? { label: t.redeemCode(), to: '../credits' } : kind === 'invoices' && canFix ? unpaidList : null);
  const time = (deadline: Date) => (chunk: string) => (
    <time dateTime={deadline.toISOString()} className="font-semibold">
      {chunk}
    </time>
  );

  switch (item.kind) {
    case 'billing-invalid':
      return (
        <Entry tone="danger" title={t.billingInvalid()} action={fix(item.fix)}>
          {/* The API's own words, in English: marked so, and isolated from a right-to-left sentence around them. */}
          {item.message ? <bdi lang="en">{item.message}</bdi> : t.billingNeedsAttention()}
          {item.fix === 'invoices' && ask('pay')}
        </Entry>
      );
    case 'deployments-blocked':
      return (
        <Entry tone="danger" title={t.allBlocked()} action={fix(item.fix)}>
          {t.restrictionBlocks({ restriction: item.restriction, organization: name })}
          {item.fix === null && ` ${t.askSupport()}`}
        </Entry>
      );
    case 'no-card': {
      const trial =
        item.trialDays > 0
          ? ` ${item.trialEndsAt ? t.trialEndsOn({ days: item.trialDays, date: formatBillingDate(item.trialEndsAt, 'long') }) : t.trialEnds({ days: item.trialDays })}`
          : '';
      return item.managedClustersBlocked ? (
        <Entry tone="warning" title={t.noCardBlocked()} action={addCard}>
          {t.demoOnly({ organization: name })}
          {trial}
          {ask('add')}
        </Entry>
      ) : (
        <Entry tone="warning" title={t.addCardBeforeTrialEnds()} action={addCard}>
          {t.noCardYet()}
          {trial}
        </Entry>
      );
    }
    case 'no-valid-card':
      return (
        <Entry tone="warning" title={t.noValidCard()} action={addCard}>
          {item.renewalAt
            ? t.noValidCardBodyOn({ date: formatBillingDate(item.renewalAt, 'long'), expired: item.expiredCards })
            : t.noValidCardBody({ expired: item.expiredCards })}
        </Entry>
      );
    case 'card-expiring':
      return (
        <Entry tone="warning" title={t.cardExpiring({ last4: item.card.last_digit })} action={addCard}>
          {t.cardExpiringBody({ expiry: `${String(item.card.expiry_month).padStart(2, '0')}/${item.card.expiry_year}`, date: formatBillingDate(item.renewalAt, 'long') })}
        </Entry>
      );
    case 'unpaid': {
      const [first] = item.invoices;
      const one = item.invoices.length === 1 && first;
      const overdue = item.daysLeft === 0;
      const date = formatInstant(item.deadline);
      return (
        <Entry
          tone={overdue ? 'danger' : 'warning'}
          title={one ? t.invoiceUnpaid({ reference: invoiceReference(one.id) }) : t.invoicesUnpaid({ count: item.invoices.length })}
          action={one ? { label: t.seeInvoice(), to: `../invoices/${one.id}` } : unpaidList}
        >
          {/* The deadline in large type: the one thing to remember from this entry. */}
          <span className="tabular block text-3xl font-semibold leading-tight">{overdue ? t.overdue() : t.daysLeft({ days: item.daysLeft })}</span>
          {richText(overdue ? t.turnedInvalid({ date }) : one ? t.turnsInvalidOne({ date }) : t.turnsInvalidMany({ date }), { time: time(item.deadline) })}
          <InvoiceLinks invoices={item.invoices} t={t} />
        </Entry>
      );
    }
    case 'payment-failed':
    case 'payment-due': {
      const failed = item.kind === 'payment-failed';
      const count = item.invoices.length;
      const amounts = item.totals.map((total) => formatMinor(total.minor, total.currency)).join(' · ');
      return (
        <Entry tone={failed ? 'warning' : 'info'} title={failed ? t.paymentFailedTitle({ count }) : t.awaitingPaymentTitle({ count })} action={unpaidList}>
          {failed ? t.owedWhileCredit({ amounts }) : t.dueUnderTerms({ amounts, count })}
          <InvoiceLinks invoices={item.invoices} t={t} />
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
  const t = useOverviewMessages();
  const canReadBilling = mayUse(role, 'billing:read');
  const status = useQuery(billingStatusQuery(organizationId));
  const cost = useQuery(currentCostQuery(organizationId));
  const cards = useQuery({ ...creditCardsQuery(organizationId), enabled: canReadBilling });
  const invoices = useQuery({ ...invoicesQuery(organizationId), enabled: canReadBilling });
  const valid = status.data?.is_valid !== false;

  let content: ReactNode;
  if (status.isError) {
    content = <ErrorState title={t.statusError()} error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />;
  } else if (!status.data || cost.isPending || (canReadBilling && (cards.isPending || invoices.isPending))) {
    content = <LoadingBlock label={t.checkingHealth()} />;
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
        ['cards', cards],
        ['invoices', invoices],
      ] as const
    ).filter(([, query]) => query.isError && !(query.error instanceof ApiError && query.error.status === 403));
    content = (
      <>
        {/* The status's own message, unless an unpaid invoice's entry already says it (in more detail). */}
        {valid && items.length > 0 && !items.some((item) => item.kind === 'unpaid') && status.data.message && (
          // The API's own words, in English (as in billing-status-summary.tsx).
          <p lang="en" dir="auto" className="mb-3 text-sm text-ink-muted">
            {status.data.message}
          </p>
        )}
        {items.length > 0 ? (
          <ul aria-label={t.needsAttention()} className="flex flex-col gap-3">
            {items.map((item) => (
              <HealthEntry key={item.kind} item={item} organization={organization} canFix={mayUse(role, 'billing:write')} />
            ))}
          </ul>
        ) : (
          unchecked.length === 0 && (
            <>
              <p className="text-sm">
                <span aria-hidden="true" className="me-1 text-success-ink">
                  ✓
                </span>
                {canReadBilling && `${t.nothingNeedsAttention()} `}
                {t.billingValid()}
              </p>
              {/* The status's own words stand apart from the tick: for a role that sees no invoices, they may warn of one. */}
              {status.data.message && status.data.message !== 'Billing is valid.' && (
                <p lang="en" dir="auto" className="mt-1 text-sm text-ink">
                  {status.data.message}
                </p>
              )}
            </>
          )
        )}
        {unchecked.map(([what, query]) => (
          <div key={what} className="mt-3">
            <ErrorState title={t.checkError({ what })} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
          </div>
        ))}
      </>
    );
  }

  return (
    <Card title={t.billingHealth()} actions={status.data && <Badge tone={valid ? 'success' : 'danger'}>{valid ? t.valid() : t.invalid()}</Badge>} className="mb-6">
      {content}
    </Card>
  );
}
