import { callOperation, type Credentials } from './client';
import * as operations from './operations';

/**
 * The Qovery Billing contract's reads that features call outside a query (sign-in checks a token;
 * tests read the list), each its row (src/api/operations.ts) called through callOperation; the
 * others are read through their query options (queries.ts), the updates are in contract-updates.ts.
 */

export const listOrganizations = (signal?: AbortSignal, credentials?: Credentials) => callOperation(operations.listOrganization, {}, { signal, credentials });

export const listOrganizationInvoices = (organizationId: string, signal?: AbortSignal) => callOperation(operations.listOrganizationInvoice, { organizationId }, { signal });
