import type { BillingInfo, Invoice, InvoiceStatus } from '../../src/api/contract';
import { INVOICE_STATUSES } from '../../src/api/contract';
import type { Db } from '../db/database';
import type { InvoiceDocument } from './invoice-pdf';
import { centsToUnits } from './pricing';

interface InvoiceRow {
  id: string;
  organization_id: string;
  number: string;
  created_at: string;
  due_at: string;
  period_start: string;
  period_end: string;
  status: string;
  currency_code: string;
  subtotal_cents: number;
  tax_rate_bp: number;
  tax_cents: number;
  total_in_cents: number;
}

function toStatus(value: string): InvoiceStatus {
  return INVOICE_STATUSES.find((status) => status === value) ?? 'UNKNOWN';
}

type InvoiceSummaryRow = Pick<InvoiceRow, 'id' | 'created_at' | 'status' | 'total_in_cents' | 'currency_code'>;

export function toInvoice(row: InvoiceSummaryRow): Invoice {
  return {
    id: row.id,
    created_at: row.created_at,
    status: toStatus(row.status),
    total_in_cents: row.total_in_cents,
    total: centsToUnits(row.total_in_cents),
    currency_code: row.currency_code,
  };
}

/** Invoice reads shared by the contract routes, the PDF file route and the invoice mailer. */
export function invoiceStore(db: Db) {
  const list = db.prepare<[string], InvoiceRow>('SELECT * FROM invoices WHERE organization_id = ? ORDER BY created_at DESC, id');
  // The list endpoint reads only what an Invoice shows: every extra column costs a string per row.
  const summaries = db.prepare<[string], InvoiceSummaryRow>(
    'SELECT id, created_at, status, total_in_cents, currency_code FROM invoices WHERE organization_id = ? ORDER BY created_at DESC, id',
  );
  const find = db.prepare<[string, string], InvoiceRow>('SELECT * FROM invoices WHERE id = ? AND organization_id = ?');
  const findAny = db.prepare<[string], InvoiceRow>('SELECT * FROM invoices WHERE id = ?');
  const lines = db.prepare<[string], { description: string; quantity: number; unit_amount_cents: number; amount_cents: number }>(
    'SELECT description, quantity, unit_amount_cents, amount_cents FROM invoice_lines WHERE invoice_id = ? ORDER BY position',
  );
  const billingInfo = db.prepare<[string], BillingInfo>(
    `SELECT first_name, last_name, email, address, city, zip, state, country_code, company, vat_number
     FROM billing_info WHERE organization_id = ?`,
  );
  const organizationName = db.prepare<[string], { name: string }>('SELECT name FROM organizations WHERE id = ?');

  function document(row: InvoiceRow): InvoiceDocument {
    return {
      id: row.id,
      number: row.number,
      status: toStatus(row.status),
      createdAt: row.created_at,
      dueAt: row.due_at,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      currency: row.currency_code,
      subtotalCents: row.subtotal_cents,
      taxRateBp: row.tax_rate_bp,
      taxCents: row.tax_cents,
      totalCents: row.total_in_cents,
      lines: lines.all(row.id).map((line) => ({
        description: line.description,
        quantity: line.quantity,
        unitAmountCents: line.unit_amount_cents,
        amountCents: line.amount_cents,
      })),
      organizationName: organizationName.get(row.organization_id)?.name ?? '',
      billingInfo: billingInfo.get(row.organization_id),
    };
  }

  return {
    list: (organizationId: string) => list.all(organizationId),
    summaries: (organizationId: string) => summaries.all(organizationId),
    find: (organizationId: string, invoiceId: string) => find.get(invoiceId, organizationId),
    findById: (invoiceId: string) => findAny.get(invoiceId),
    document,
  };
}

export type InvoiceStore = ReturnType<typeof invoiceStore>;
