import * as z from 'zod/mini';
import type { Invoice, InvoiceStatus } from '#api/contract';
import { billingInfoSchema, INVOICE_STATUSES } from '#api/contract';
import { minorToUnits } from '#lib/money';
import type { Db } from '../db/database';
import type { InvoiceDocument } from './invoice-pdf';

interface InvoiceRow {
  id: string;
  organization_id: string;
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
  /** JSON of a BilledTo, or NULL for a row written without one (an invoice inserted by hand). */
  billed_to: string | null;
}

/** Who an invoice billed, as they were when it was issued: what its PDF prints under "Billed to". */
const billedToSchema = z.object({ organization_name: z.string(), billing_info: z.nullable(billingInfoSchema) });
export type BilledTo = z.infer<typeof billedToSchema>;

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
    total: minorToUnits(row.total_in_cents, row.currency_code),
    currency_code: row.currency_code,
  };
}

/**
 * The organization's name and billing details now, as JSON for an invoice's `billed_to`: taken when
 * an invoice is written (the seed; anything that issues invoices later must do the same), so that
 * editing the billing details never changes an invoice already issued.
 */
export function billedToSnapshot(db: Db) {
  const organization = db.prepare<[string], { name: string }>('SELECT name FROM organizations WHERE id = ?');
  const billingInfo = db.prepare<[string], z.infer<typeof billingInfoSchema>>(
    `SELECT first_name, last_name, email, address, city, zip, state, country_code, company, vat_number
     FROM billing_info WHERE organization_id = ?`,
  );
  return (organizationId: string): string => {
    const billedTo: BilledTo = {
      organization_name: organization.get(organizationId)?.name ?? '',
      billing_info: billingInfo.get(organizationId) ?? null,
    };
    return JSON.stringify(billedTo);
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
  const organizationName = db.prepare<[string], { name: string }>('SELECT name FROM organizations WHERE id = ?');

  const currentBilledTo = billedToSnapshot(db);

  /**
   * The snapshot taken when the invoice was issued; without one, the organization's name and no
   * details (never today's). A draft (PENDING) is not issued yet: it shows the details as they are now.
   */
  function billedTo(row: InvoiceRow): BilledTo {
    const json = toStatus(row.status) === 'PENDING' ? currentBilledTo(row.organization_id) : row.billed_to;
    const stored = json === null ? null : billedToSchema.safeParse(safeJson(json));
    if (stored?.success) return stored.data;
    return { organization_name: organizationName.get(row.organization_id)?.name ?? '', billing_info: null };
  }

  function document(row: InvoiceRow): InvoiceDocument {
    const billed = billedTo(row);
    return {
      id: row.id,
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
      organizationName: billed.organization_name,
      billingInfo: billed.billing_info ?? undefined,
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type InvoiceStore = ReturnType<typeof invoiceStore>;
