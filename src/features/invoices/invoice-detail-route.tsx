import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '@/api/api-error';
import { invoiceReference } from '@/api/invoice-reference';
import { invoiceQuery, invoicesQuery } from '@/api/queries';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/query-state';
import { formatBillingDate } from '@/lib/date-format';
import { isUnpaid } from '@/lib/invoice-totals';
import { formatMinor } from '@/lib/money';
import { useCurrentOrganization } from '@/lib/use-organization';
import { DownloadPdfButton } from './components/download-pdf-button';
import { InvoiceStatusBadge } from './components/invoice-status-badge';
import { INVOICE_STATUS_INFO } from './invoice-status';

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

export function Component() {
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
  const title = `Invoice ${reference}`;
  const back = (
    <ButtonLink to={{ pathname: '..', search: listSearchFrom(location.state) }} relative="path" variant="secondary">
      Back to invoices
    </ButtonLink>
  );
  const notFound = invoice.error instanceof ApiError && invoice.error.status === 404;
  const data = invoice.data;

  return (
    <>
      <PageHeader
        title={title}
        description={data ? `Invoice date: ${formatBillingDate(data.created_at, 'long')}` : undefined}
        documentTitle={organization ? `${title} · ${organization.name}` : title}
        actions={
          <>
            {back}
            {data && <DownloadPdfButton organizationId={organizationId} invoiceId={data.id} />}
          </>
        }
      />
      {notFound ? (
        <Card>
          <h2 className="text-base font-semibold text-ink">Invoice not found</h2>
          <p className="mt-1 text-sm text-ink-muted">
            There is no invoice <code className="break-all">{invoiceId}</code> in {organization?.name ?? 'this organization'}. The link may be wrong, or the invoice belongs to
            another organization.
          </p>
        </Card>
      ) : (
        <QueryState query={invoice} loading="Loading the invoice" lines={5} skeletonInCard errorTitle="Could not load the invoice">
          {(shown) => (
            <Card>
              <dl>
                <Row label="Status">
                  <div className="flex flex-col items-start gap-1">
                    <InvoiceStatusBadge status={shown.status} />
                    <span className="text-ink-muted">{INVOICE_STATUS_INFO[shown.status].description}</span>
                    {isUnpaid(shown.status) && (
                      <Link to={`/organizations/${organizationId}/payment-methods`} className="font-medium text-link underline">
                        Check the payment methods
                      </Link>
                    )}
                  </div>
                </Row>
                <Row label="Amount">
                  <span className="tabular text-2xl font-semibold">{formatMinor(shown.total_in_cents, shown.currency_code)}</span>
                  <span className="ml-2 text-ink-muted">{shown.currency_code.toUpperCase()}</span>
                </Row>
                <Row label="Invoice date">
                  {/* The billing calendar's date (UTC): the one on the PDF and in the list, in every time zone. */}
                  <time dateTime={shown.created_at}>{formatBillingDate(shown.created_at, 'long')}</time>
                  <span className="ml-2 text-ink-muted">billing date (UTC), as on the PDF</span>
                </Row>
                <Row label="Reference">
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="rounded bg-surface-muted px-2 py-1 text-ink">{reference}</code>
                    <CopyButton value={reference} label="Copy the reference" />
                  </div>
                </Row>
                <Row label="Invoice ID">
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="break-all rounded bg-surface-muted px-2 py-1 text-ink">{shown.id}</code>
                    <CopyButton value={shown.id} label="Copy the invoice ID" />
                  </div>
                </Row>
              </dl>
              <p className="mt-4 text-sm text-ink-muted">The PDF shows this reference, the billing details as they were when the invoice was issued, the line items and the tax.</p>
            </Card>
          )}
        </QueryState>
      )}
    </>
  );
}
