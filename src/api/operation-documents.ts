import { linkSchema } from './action-answers';
import type { Operation } from './operation';

/**
 * The invoice list's actions: an invoice PDF's short-lived link, and the email of every invoice. Rows
 * of the operation table (operation-table.ts joins them), apart from operation-actions.ts, whose
 * forms' schemas (countries, tax ids, billing details, plans) took 25 ms to build on the first visit
 * of a 10,000-invoice list, which needs none of them.
 */

export const getOrganizationInvoicePDF = {
  method: 'GET',
  path: '/organization/{organizationId}/invoice/{invoiceId}/download',
  answer: linkSchema,
  permission: 'billing:read',
  gateway: 'read',
  tool: 'get-invoice-link',
} as const satisfies Operation;
export const organizationDownloadAllInvoices = {
  method: 'POST',
  path: '/organization/{organizationId}/downloadInvoices',
  answer: null,
  success: 202,
  permission: 'billing:read',
  gateway: 'write',
  tool: 'download-all-invoices',
} as const satisfies Operation;
