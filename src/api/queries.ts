import { queryOptions } from '@tanstack/react-query';
import type { OrganizationEventsQuery } from './organization-events';
import {
  describeCloudPlansBilling,
  getClusterCurrentCost,
  getOrganizationBillingExternalId,
  getOrganizationBillingInfo,
  getOrganizationBillingStatus,
  getOrganizationCurrentCost,
  getOrganizationInvoice,
  listOrganizationClusters,
  listOrganizationCreditCards,
  listOrganizationInvoices,
  listCloudPlansBillingHistory,
  listOrganizations,
} from './endpoints';

/**
 * Query keys and options for every read of the contract, general to specific:
 * ['organization', id, 'invoices', invoiceId]. They sit next to the fetchers because several areas
 * read the same data (the overview shows status, cost, cards and invoices); mutations live in the
 * features and invalidate through these keys.
 */
export const queryKeys = {
  organizations: () => ['organizations'] as const,
  organization: (organizationId: string) => ['organization', organizationId] as const,
  billingStatus: (organizationId: string) => ['organization', organizationId, 'billing-status'] as const,
  currentCost: (organizationId: string) => ['organization', organizationId, 'current-cost'] as const,
  billingInfo: (organizationId: string) => ['organization', organizationId, 'billing-info'] as const,
  billingExternalId: (organizationId: string) => ['organization', organizationId, 'billing-external-id'] as const,
  creditCards: (organizationId: string) => ['organization', organizationId, 'credit-cards'] as const,
  invoices: (organizationId: string) => ['organization', organizationId, 'invoices'] as const,
  invoice: (organizationId: string, invoiceId: string) => ['organization', organizationId, 'invoices', invoiceId] as const,
  clusters: (organizationId: string) => ['organization', organizationId, 'clusters'] as const,
  clusterCost: (organizationId: string, clusterId: string) => ['organization', organizationId, 'clusters', clusterId, 'cost'] as const,
  cloudPlans: (organizationId: string) => ['organization', organizationId, 'cloud-plans'] as const,
  cloudPlansBilling: (organizationId: string) => ['organization', organizationId, 'cloud-plans', 'billing'] as const,
  cloudPlansHistory: (organizationId: string) => ['organization', organizationId, 'cloud-plans', 'history'] as const,
  events: (organizationId: string) => ['organization', organizationId, 'events'] as const,
  eventPages: (organizationId: string, filters: EventFilters) => ['organization', organizationId, 'events', 'pages', filters] as const,
};

/** The billing activity's filters: the query parameters of getOrganizationEvents except paging. */
export type EventFilters = Omit<OrganizationEventsQuery, 'continueToken' | 'stepBackToken'>;

export const organizationsQuery = () =>
  queryOptions({ queryKey: queryKeys.organizations(), queryFn: ({ signal }) => listOrganizations(signal) });

export const billingStatusQuery = (organizationId: string) =>
  queryOptions({ queryKey: queryKeys.billingStatus(organizationId), queryFn: ({ signal }) => getOrganizationBillingStatus(organizationId, signal) });

export const currentCostQuery = (organizationId: string) =>
  queryOptions({ queryKey: queryKeys.currentCost(organizationId), queryFn: ({ signal }) => getOrganizationCurrentCost(organizationId, signal) });

export const billingInfoQuery = (organizationId: string) =>
  queryOptions({ queryKey: queryKeys.billingInfo(organizationId), queryFn: ({ signal }) => getOrganizationBillingInfo(organizationId, signal) });

export const billingExternalIdQuery = (organizationId: string) =>
  queryOptions({
    queryKey: queryKeys.billingExternalId(organizationId),
    queryFn: ({ signal }) => getOrganizationBillingExternalId(organizationId, signal),
    staleTime: Infinity,
  });

export const creditCardsQuery = (organizationId: string) =>
  queryOptions({ queryKey: queryKeys.creditCards(organizationId), queryFn: ({ signal }) => listOrganizationCreditCards(organizationId, signal) });

export const invoicesQuery = (organizationId: string) =>
  queryOptions({ queryKey: queryKeys.invoices(organizationId), queryFn: ({ signal }) => listOrganizationInvoices(organizationId, signal) });

export const invoiceQuery = (organizationId: string, invoiceId: string) =>
  queryOptions({ queryKey: queryKeys.invoice(organizationId, invoiceId), queryFn: ({ signal }) => getOrganizationInvoice(organizationId, invoiceId, signal) });

export const clustersQuery = (organizationId: string) =>
  queryOptions({ queryKey: queryKeys.clusters(organizationId), queryFn: ({ signal }) => listOrganizationClusters(organizationId, signal) });

export const clusterCostQuery = (organizationId: string, clusterId: string) =>
  queryOptions({
    queryKey: queryKeys.clusterCost(organizationId, clusterId),
    queryFn: ({ signal }) => getClusterCurrentCost(organizationId, clusterId, signal),
  });

export const cloudPlansBillingQuery = (organizationId: string) =>
  queryOptions({
    queryKey: queryKeys.cloudPlansBilling(organizationId),
    queryFn: ({ signal }) => describeCloudPlansBilling(organizationId, signal),
  });

export const cloudPlansHistoryQuery = (organizationId: string) =>
  queryOptions({
    queryKey: queryKeys.cloudPlansHistory(organizationId),
    queryFn: ({ signal }) => listCloudPlansBillingHistory(organizationId, signal),
  });
