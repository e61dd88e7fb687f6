import { zipSync } from 'fflate';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { invoiceReference } from '../../src/api/invoice-reference';
import type { Db } from '../db/database';
import { newId } from '../db/ids';
import type { Logger } from '../http/logger';
import { renderInvoicePdf } from './invoice-pdf';
import type { InvoiceStore } from './invoice-store';

/**
 * Builds the "download all invoices" mail in the background (the contract answers 202): every
 * invoice as a PDF in one ZIP, addressed to the billing email, written to the sandbox outbox.
 */
export class InvoiceMailer {
  /** The job building each organization's mail, while it runs. */
  private readonly jobs = new Map<string, Promise<void>>();
  private readonly recipient;
  private readonly insertMail;

  constructor(
    db: Db,
    private readonly invoices: InvoiceStore,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {
    this.recipient = db.prepare<[string], { name: string; email: string }>(
      `SELECT o.name, COALESCE(b.email, u.email) AS email FROM organizations o
       JOIN users u ON u.id = o.owner_id LEFT JOIN billing_info b ON b.organization_id = o.id WHERE o.id = ?`,
    );
    this.insertMail = db.prepare(`INSERT INTO outbox
      (id, organization_id, to_address, subject, body, created_at, attachment_name, attachment_type, attachment)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'application/zip', ?)`);
  }

  /** The address the mail will go to: the billing email, or the owner's when none is set. */
  recipientOf(organizationId: string): string | undefined {
    return this.recipient.get(organizationId)?.email;
  }

  /**
   * Starts building the organization's mail, unless one is being built already: that mail will hold
   * every invoice too, and rendering them all again for each repeated request would pile up work.
   */
  queue(organizationId: string): void {
    if (this.jobs.has(organizationId)) return;
    const job = this.send(organizationId)
      .catch((error: unknown) => {
        this.logger.error(`invoice mail for ${organizationId} failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => this.jobs.delete(organizationId));
    this.jobs.set(organizationId, job);
  }

  /** Resolves once every queued mail is in the outbox (tests and shutdown wait on it). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.all([...this.jobs.values()]);
  }

  private async send(organizationId: string): Promise<void> {
    const target = this.recipient.get(organizationId);
    if (!target) return;
    const files: Record<string, Uint8Array> = {};
    const rows = this.invoices.list(organizationId);
    for (const row of rows) {
      // Named by the reference the console shows; two invoices sharing one (about 1 in 20,000 at 10,000
      // invoices) must not overwrite each other, so the second one adds its full id.
      const reference = invoiceReference(row.id);
      const name = `${reference}.pdf` in files ? `${reference}-${row.id}.pdf` : `${reference}.pdf`;
      files[name] = await renderInvoicePdf(this.invoices.document(row));
      // Rendering thousands of PDFs must not starve the requests being served meanwhile.
      await yieldToEventLoop();
    }
    const zip = zipSync(files, { level: 6 });
    const now = this.now();
    const stamp = now.toISOString().slice(0, 10);
    this.insertMail.run(
      newId(),
      organizationId,
      target.email,
      `Your ${target.name} invoices`,
      `Hello,\n\nAs requested, the attached archive holds all ${rows.length} invoices of ${target.name} as PDF files.\n\nThe billing team`,
      now.toISOString(),
      `invoices-${stamp}.zip`,
      Buffer.from(zip),
    );
  }
}
