import { billingExternalIdQuery, billingStatusQuery, creditCardsQuery, currentCostQuery, invoicesQuery } from '@/api/queries';
import { mayUse } from '@/api/permissions';
import { getSession, roleIn } from '@/lib/session';
import { prefetchLoader } from '@/lib/prefetch-loader';

/**
 * Every request the overview needs, at once: each card shows its own skeleton, then its data or its
 * error. Data the role may not read is not requested. Imports queries only: this module ships with
 * the first page, the page's components do not.
 */
export const overviewLoader = prefetchLoader((prefetch, organizationId) => {
  void prefetch(billingStatusQuery(organizationId));
  void prefetch(currentCostQuery(organizationId));
  if (mayUse(roleIn(getSession(), organizationId), 'billing:read')) {
    void prefetch(billingExternalIdQuery(organizationId));
    // The billing health panel: cards for the renewal, invoices for their deadlines.
    void prefetch(creditCardsQuery(organizationId));
    void prefetch(invoicesQuery(organizationId));
  }
});
