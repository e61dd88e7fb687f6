import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { invoiceReference } from '#api/invoice-reference';
import { billingDay } from '#lib/billing-calendar';
import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { countryLanguage } from '../documents/language';
import type { Logger } from '../http/logger';
import { renderInvoicePdf } from './invoice-pdf';
import type { InvoiceStore } from './invoice-store';

type InvoiceRow = ReturnType<InvoiceStore['list']>[number];

/** The name of an invoice's PDF inside the ZIP. */
/**
 * Named by the reference the console shows; two invoices sharing one (about 1 in 20,000 at 10,000
 * invoices) must not overwrite each other, so the second one adds its full id.
 */
function zipEntryName(row: InvoiceRow, taken: Record<string, unknown>): string {
  const reference = invoiceReference(row.id);
  return `${reference}.pdf` in taken ? `${reference}-${row.id}.pdf` : `${reference}.pdf`;
}

interface PendingJob {
  id: string;
  organization_id: string;
}

/**
 * Builds the "download all invoices" mail in the background (the contract answers 202): every
 * invoice as a PDF in one ZIP, addressed to the billing email, written to the sandbox outbox.
 *
 * Jobs live in the database (invoice_mail_jobs), written by the request that asks: a process that
 * dies (even by SIGKILL) loses none, since pending jobs are resumed at start. Building may happen
 * more than once (a crash mid-way, two processes on one database); delivery happens once, in the
 * transaction that marks the job delivered only if it still was not.
 */
export class InvoiceMailer {
  /** The jobs this process is building, by organization. */
  private readonly running = new Map<string, Promise<void>>();
  private readonly recipient;
  private readonly insertMail;
  private readonly insertJob;
  private readonly pendingJob;
  private readonly pendingJobs;
  private readonly markDelivered;
  private readonly deliver;

  constructor(
    db: Db,
    private readonly invoices: InvoiceStore,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {
    this.recipient = db.prepare<[string], { name: string; email: string; country_code: string | null }>(
      `SELECT o.name, COALESCE(b.email, u.email) AS email, b.country_code FROM organizations o
       JOIN users u ON u.id = o.owner_id LEFT JOIN billing_info b ON b.organization_id = o.id WHERE o.id = ?`,
    );
    this.insertMail = db.prepare(`INSERT INTO outbox
      (id, organization_id, to_address, subject, body, created_at, attachment_name, attachment_type, attachment)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'application/zip', ?)`);
    // Ignored while the organization has a pending job: that mail will hold every invoice too.
    this.insertJob = db.prepare('INSERT OR IGNORE INTO invoice_mail_jobs (id, organization_id, requested_at) VALUES (?, ?, ?)');
    this.pendingJob = db.prepare<[string], PendingJob>('SELECT id, organization_id FROM invoice_mail_jobs WHERE organization_id = ? AND delivered_at IS NULL');
    this.pendingJobs = db.prepare<[], PendingJob>('SELECT id, organization_id FROM invoice_mail_jobs WHERE delivered_at IS NULL ORDER BY requested_at');
    this.markDelivered = db.prepare('UPDATE invoice_mail_jobs SET delivered_at = ?, mail_id = ? WHERE id = ? AND delivered_at IS NULL');
    this.deliver = db.transaction(
      (jobId: string, mail: { id: string; organizationId: string; to: string; subject: string; body: string; at: string; attachmentName: string; zip: Buffer }): boolean => {
        // Another process delivered it meanwhile, or a reset removed it: the outbox gets nothing more.
        if (this.markDelivered.run(mail.at, mail.id, jobId).changes === 0) return false;
        this.insertMail.run(mail.id, mail.organizationId, mail.to, mail.subject, mail.body, mail.at, mail.attachmentName, mail.zip);
        return true;
      },
    );
  }

  /** The address the mail will go to: the billing email, or the owner's when none is set. */
  recipientOf(organizationId: string): string | undefined {
    return this.recipient.get(organizationId)?.email;
  }

  /**
   * Records the organization's job (unless one is pending: that mail will hold every invoice too,
   * and rendering them all again for each repeated request would pile up work) and starts it. The
   * job is committed when this returns, before the request is answered 202.
   */
  queue(organizationId: string): void {
    this.insertJob.run(newId(), organizationId, this.now().toISOString());
    this.start(organizationId);
  }

  /** Starts every job left pending by a process that stopped (a crash, a kill) before delivering it. */
  resume(): number {
    const jobs = this.pendingJobs.all();
    for (const job of jobs) this.start(job.organization_id);
    return jobs.length;
  }

  /** Resolves once every job this process started is done (tests and shutdown wait on it). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private start(organizationId: string): void {
    if (this.running.has(organizationId)) return;
    const job = this.pendingJob.get(organizationId);
    if (!job) return;
    const run = this.send(job)
      .catch((error: unknown) => {
        // The job stays pending: the next start tries it again.
        this.logger.error(`invoice mail for ${organizationId} failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => this.running.delete(organizationId));
    this.running.set(organizationId, run);
  }

  private async send(job: PendingJob): Promise<void> {
    const organizationId = job.organization_id;
    const target = this.recipient.get(organizationId);
    if (!target) return;
    const files: Record<string, Uint8Array> = {};
    const rows = this.invoices.list(organizationId);
    for (const row of rows) {
      files[zipEntryName(row, files)] = await renderInvoicePdf(this.invoices.document(row));
      // Rendering thousands of PDFs must not starve the requests being served meanwhile.
      await yieldToEventLoop();
    }
    // Loaded with the first mail, like pdf-lib: nothing of it is needed to start.
    const [{ zipSync }, { documentText }] = await Promise.all([import('fflate'), import('../documents/document-text')]);
    const zip = zipSync(files, { level: 6 });
    // In the language of the billing country as it is now; each PDF in that of the address it prints.
    const { t } = await documentText(countryLanguage(target.country_code));
    const now = this.now();
    this.deliver(job.id, {
      id: newId(),
      organizationId,
      to: target.email,
      subject: t('mail.subject', { organization: target.name }),
      body: t('mail.body', { organization: target.name, count: rows.length }),
      at: now.toISOString(),
      attachmentName: t('mail.attachment', { date: billingDay(now) }),
      zip: Buffer.from(zip),
    });
  }
}
