import { queryOptions } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import { callOperation } from './client';
import * as operations from './operations';
import { operationPath, type Operation, type ParamsOf } from './operation';

/**
 * Query keys and options for every read of the contract, general to specific. A read of the
 * operation table is keyed by its path (['organization', id, 'invoice', invoiceId]), so that a key is
 * a prefix of the keys below it and ['organization', id] holds everything about one organization.
 * They sit next to the fetchers because several areas read the same data (the overview shows
 * status, cost, cards and invoices); mutations live in the features and invalidate through these keys.
 */
export function operationKey<Op extends Operation>(operation: Op, params: ParamsOf<Op>): readonly string[] {
  return operationPath(operation, params).split('/').slice(1);
}

/** The query of one read of the operation table: its key from its path, its fetcher from its row. */
export function operationQuery<Op extends Operation & { answer: z.ZodMiniType }>(operation: Op, params: ParamsOf<Op>) {
  return queryOptions({ queryKey: operationKey(operation, params), queryFn: ({ signal }) => callOperation(operation, params, { signal }) });
}

export const queryKeys = {
  // Not the path ('organization'): that would be a prefix of every organization's keys.
  organizations: () => ['organizations'] as const,
  organization: (organizationId: string) => operationKey(operations.getOrganization, { organizationId }),
  billingStatus: (organizationId: string) => operationKey(operations.getOrganizationBillingStatus, { organizationId }),
  currentCost: (organizationId: string) => operationKey(operations.getOrganizationCurrentCost, { organizationId }),
  billingInfo: (organizationId: string) => operationKey(operations.getOrganizationBillingInfo, { organizationId }),
  creditCards: (organizationId: string) => operationKey(operations.listOrganizationCreditCards, { organizationId }),
};

export const organizationsQuery = () => queryOptions({ queryKey: queryKeys.organizations(), queryFn: ({ signal }) => callOperation(operations.listOrganization, {}, { signal }) });

export const billingStatusQuery = (organizationId: string) => operationQuery(operations.getOrganizationBillingStatus, { organizationId });
export const currentCostQuery = (organizationId: string) => operationQuery(operations.getOrganizationCurrentCost, { organizationId });
export const billingInfoQuery = (organizationId: string) => operationQuery(operations.getOrganizationBillingInfo, { organizationId });
export const billingExternalIdQuery = (organizationId: string) => ({ ...operationQuery(operations.getOrganizationBillingExternalId, { organizationId }), staleTime: Infinity });
export const creditCardsQuery = (organizationId: string) => operationQuery(operations.listOrganizationCreditCards, { organizationId });
export const invoicesQuery = (organizationId: string) => operationQuery(operations.listOrganizationInvoice, { organizationId });
export const invoiceQuery = (organizationId: string, invoiceId: string) => operationQuery(operations.getOrganizationInvoice, { organizationId, invoiceId });
