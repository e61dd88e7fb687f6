import { billingInfoQuery, currentCostQuery, invoiceQuery, invoicesQuery } from '@/api/queries';
import { prefetchLoader } from '@/lib/prefetch-loader';

/** The list, and the billing email for the "Email all invoices" confirmation. */
export const invoicesLoader = prefetchLoader((prefetch, organizationId) => {
  void prefetch(invoicesQuery(organizationId));
  void prefetch(billingInfoQuery(organizationId));
});

export const invoiceDetailLoader = prefetchLoader((prefetch, organizationId, params) => {
  void prefetch(invoiceQuery(organizationId, params.invoiceId ?? ''));
  // Whether the organization runs on credit, which decides if a failed payment has a deadline.
  void prefetch(currentCostQuery(organizationId));
});
