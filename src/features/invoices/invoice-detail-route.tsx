import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '@/api/api-error';
import { invoiceReference } from '@/api/invoice-reference';
import { currentCostQuery, invoiceQuery, invoicesQuery } from '@/api/queries';
import { daysLeft, runsOnCreditNow, UNPAID_GRACE_DAYS, unpaidDeadline } from '@/api/unpaid-grace';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/query-state';
import { formatBillingDate, formatInstant } from '@/lib/date-format';
import { isUnpaid } from '@/lib/invoice-totals';
import { formatMinor } from '@/lib/money';
import { richText } from '@/lib/rich-text';
import { useCurrentOrganization } from '@/lib/use-organization';
import { DownloadPdfButton } from './components/download-pdf-button';
import { InvoiceStatusBadge } from './components/invoice-status-badge';
import { useInvoicesMessages } from './messages';

/** The list passes its search params along, so that "Back to invoices" returns to the same view. */
function listSearchFrom(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'listSearch' in state && typeof state.listSearch === 'string' && state.listSearch.startsWith('?')) {
    return state.listSearch;
  }
  return '';
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 border-b border-line py-3 last:border-b-0 sm:flex-row sm:gap-4">
      <dt className="text-sm text-ink-muted sm:w-40 sm:shrink-0">{label}</dt>
      <dd className="min-w-0 text-sm text-ink">{children}</dd>
    </div>
  );
}

/** An amount, and its currency's code unless the amount names its currency already ("358,80 $US" in French, "CHF 12.00"). */
function AmountWithCode({ minor, currency }: { minor: number; currency: string }) {
  const amount = formatMinor(minor, currency);
  return (
    <>
      <span className="tabular text-2xl font-semibold">{amount}</span>
      {!/\p{L}/u.test(amount) && <span className="ms-2 text-ink-muted">{currency.toUpperCase()}</span>}
    </>
  );
}

/**
 * When a failed payment makes billing invalid (DESIGN.md: unpaid for more than 7 days), as the
 * overview says it. Nothing while the current cost loads, or when the organization runs on credit:
 * then its unpaid invoices are owed but set no deadline.
 */
function UnpaidDeadline({ organizationId, createdAt }: { organizationId: string; createdAt: string }) {
  const t = useInvoicesMessages();
  const cost = useQuery(currentCostQuery(organizationId));
  if (!cost.data || runsOnCreditNow(cost.data)) return null;
  const deadline = unpaidDeadline(createdAt);
  const passed = daysLeft(deadline, new Date()) === 0;
  const date = formatInstant(deadline);
  const time = (chunk: string) => (
    <time dateTime={deadline.toISOString()} className="font-medium text-ink">
      {chunk}
    </time>
  );
  return <span className="text-ink-muted">{richText(passed ? t.unpaidDeadlinePassed({ date, days: UNPAID_GRACE_DAYS }) : t.unpaidDeadline({ date }), { time })}</span>;
}

export function Component() {
  const t = useInvoicesMessages();
  const { organizationId, organization } = useCurrentOrganization();
  const { invoiceId = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const invoice = useQuery({
    ...invoiceQuery(organizationId, invoiceId),
    // Coming from the list, its row shows at once while the invoice itself loads.
    placeholderData: () => queryClient.getQueryData(invoicesQuery(organizationId).queryKey)?.results?.find((candidate) => candidate.id === invoiceId),
  });
  const reference = invoiceReference(invoiceId);
  const title = t.invoiceTitle({ reference });
  const back = (
    <ButtonLink to={{ pathname: '..', search: listSearchFrom(location.state) }} relative="path" variant="secondary">
      {t.backToInvoices()}
    </ButtonLink>
  );
  const notFound = invoice.error instanceof ApiError && invoice.error.status === 404;
  const data = invoice.data;

  return (
    <>
      <PageHeader
        title={title}
        description={data ? t.invoiceDateIs({ date: formatBillingDate(data.created_at, 'long') }) : undefined}
        documentTitle={organization ? t.invoiceDocumentTitle({ reference, organization: organization.name }) : title}
        actions={
          <>
            {back}
            {data && <DownloadPdfButton organizationId={organizationId} invoiceId={data.id} />}
          </>
        }
      />
      {notFound ? (
        <Card>
          <h2 className="text-base font-semibold text-ink">{t.notFoundTitle()}</h2>
          <p className="mt-1 text-sm text-ink-muted">
            {richText(organization ? t.notFound({ id: invoiceId, organization: organization.name }) : t.notFoundHere({ id: invoiceId }), {
              code: (chunk) => <code className="break-all">{chunk}</code>,
            })}
          </p>
        </Card>
      ) : (
        <QueryState query={invoice} loading={t.loadingInvoice()} lines={5} skeletonInCard errorTitle={t.invoiceLoadError()}>
          {(shown) => (
            <Card>
              <dl>
                <Row label={t.status()}>
                  <div className="flex flex-col items-start gap-1">
                    <InvoiceStatusBadge status={shown.status} />
                    <span className="text-ink-muted">{t.statusDescription({ status: shown.status })}</span>
                    {shown.status === 'NOT_PAID' && <UnpaidDeadline organizationId={organizationId} createdAt={shown.created_at} />}
                    {isUnpaid(shown.status) && (
                      <Link to={`/organizations/${organizationId}/payment-methods`} className="font-medium text-link underline">
                        {t.checkPaymentMethods()}
                      </Link>
                    )}
                  </div>
                </Row>
                <Row label={t.amount()}>
                  <AmountWithCode minor={shown.total_in_cents} currency={shown.currency_code} />
                </Row>
                <Row label={t.invoiceDate()}>
                  {/* The billing calendar's date (UTC): the one on the PDF and in the list, in every time zone. */}
                  <time dateTime={shown.created_at}>{formatBillingDate(shown.created_at, 'long')}</time>
                  <span className="ms-2 text-ink-muted">{t.billingDateNote()}</span>
                </Row>
                <Row label={t.reference()}>
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="rounded bg-surface-muted px-2 py-1 text-ink">{reference}</code>
                    <CopyButton value={reference} label={t.copyReference()} />
                  </div>
                </Row>
                <Row label={t.invoiceId()}>
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="break-all rounded bg-surface-muted px-2 py-1 text-ink">{shown.id}</code>
                    <CopyButton value={shown.id} label={t.copyInvoiceId()} />
                  </div>
                </Row>
              </dl>
              <p className="mt-4 text-sm text-ink-muted">{t.pdfNote()}</p>
            </Card>
          )}
        </QueryState>
      )}
    </>
  );
}
