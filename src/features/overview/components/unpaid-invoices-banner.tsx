import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { InvoiceList } from '@/api/contract';
import { can, type Role } from '@/api/permissions';
import { invoicesQuery } from '@/api/queries';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { formatCents, plural } from '@/lib/format';
import { outstandingByCurrency, UNPAID_INVOICES_FILTER } from '@/lib/invoice-totals';

function mayReadInvoices(role: Role | null): boolean {
  return role === null || can(role, 'billing:read');
}

function unpaidTotals(list: InvoiceList) {
  return outstandingByCurrency(list.results ?? []);
}

/**
 * The overview loader imports this module, so it ships with the first page: keep its imports small.
 * Warns about NOT_PAID / PAYMENT_DUE invoices, with the amount owed per currency, and links to the
 * list filtered to them. Finance roles only; nothing shows while loading or if the list fails (the
 * invoice page reports that).
 */
export function UnpaidInvoicesBanner({ organizationId, role }: { organizationId: string; role: Role | null }) {
  const { data: totals } = useQuery({ ...invoicesQuery(organizationId), enabled: mayReadInvoices(role), select: unpaidTotals });
  const count = totals?.reduce((sum, total) => sum + total.count, 0) ?? 0;
  if (!totals || count === 0) return null;
  return (
    <Alert
      tone="warning"
      title={plural(count, 'unpaid invoice', 'unpaid invoices')}
      className="mb-6"
      action={
        <ButtonLink to={`../${UNPAID_INVOICES_FILTER}`} relative="path" variant="secondary">
          See unpaid invoices
        </ButtonLink>
      }
    >
      {totals.map((total) => formatCents(total.minor, total.currency)).join(' · ')} awaiting payment.
    </Alert>
  );
}

/** Called by the overview loader so that this banner's data loads with the rest of the page. */
export function prefetchUnpaidInvoicesBanner(queryClient: QueryClient, organizationId: string, role: Role | null): void {
  if (mayReadInvoices(role)) void queryClient.prefetchQuery(invoicesQuery(organizationId));
}
