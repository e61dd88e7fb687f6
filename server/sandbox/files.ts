import { Hono, type Context } from 'hono';
import { ApiError } from '#api/api-error';
import { invoiceReference } from '#api/invoice-reference';
import { requestedLanguage } from '../documents/language';
import type { AppEnv, SandboxContext } from './context';
import { claimedOrigin, userAgentOf } from './organization-events';
import { renderInvoicePdf } from './invoice-pdf';
import type { InvoiceStore } from './invoice-store';
import { invoicePdfPath } from './invoices';
import { renderUsageCsv, usageCsvFilename, usageReportCsvPath, usageReportPath } from './usage-reports';

interface UsageReportRow {
  id: string;
  organization_id: string;
  period_from: string;
  period_to: string;
  expires_at: string;
  revoked_at: string | null;
}

/** Who generated a report and through what, with its organization's name: its revocation is theirs. */
interface ReportOwnerRow {
  organization_name: string;
  email: string | null;
  origin: string | null;
}

/**
 * Files behind signed, expiring URLs: whoever holds the link may fetch it until it expires, like a
 * cloud storage pre-signed URL. No Authorization header is needed or read.
 */
export function fileRoutes(ctx: SandboxContext, invoices: InvoiceStore) {
  const findReport = ctx.db.prepare<[string], UsageReportRow>('SELECT id, organization_id, period_from, period_to, expires_at, revoked_at FROM usage_reports WHERE id = ?');
  const revoke = ctx.db.prepare('UPDATE usage_reports SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const findOwner = ctx.db.prepare<[string], ReportOwnerRow>(`SELECT o.name AS organization_name, u.email, r.origin
    FROM usage_reports r JOIN organizations o ON o.id = r.organization_id LEFT JOIN users u ON u.id = r.created_by WHERE r.id = ?`);

  /** Forged or mangled links answer 403; what an authentic but expired link answers depends on the file. */
  function checkSignature(c: Context<AppEnv>, path: string): 'valid' | 'expired' {
    const verdict = ctx.signer.verify(path, c.req.query('expires'), c.req.query('signature'), ctx.now());
    if (verdict === 'invalid') throw new ApiError(403, 'This link is not valid: request a new one');
    return verdict;
  }

  /** A report's links expire with the report itself: an expired link means the file is gone, 404 like a deleted one. */
  function checkReportSignature(c: Context<AppEnv>, path: string): void {
    if (checkSignature(c, path) === 'expired') throw new ApiError(404, 'This report has expired');
  }

  /** Revoked and expired reports answer 404: the file is gone, whatever the link says. */
  function liveReport(reportId: string): UsageReportRow {
    const report = findReport.get(reportId);
    if (!report) throw new ApiError(404, 'Report not found');
    if (report.revoked_at !== null) throw new ApiError(404, 'This report was deleted');
    if (Date.parse(report.expires_at) <= ctx.now().getTime()) throw new ApiError(404, 'This report has expired');
    return report;
  }

  const routes = new Hono<AppEnv>();

  routes.get('/invoices/:invoiceId/pdf', async (c) => {
    const invoiceId = c.req.param('invoiceId');
    if (checkSignature(c, invoicePdfPath(invoiceId)) === 'expired') throw new ApiError(403, 'This link has expired: request a new one');
    // The link is signed without it: whoever holds the link may read the invoice in any language.
    const language = requestedLanguage(c.req.query('lang'));
    const row = invoices.findById(invoiceId);
    if (!row) throw new ApiError(404, 'Invoice not found');
    const pdf = await renderInvoicePdf(invoices.document(row), language);
    return c.body(Buffer.from(pdf), 200, {
      'Content-Type': 'application/pdf',
      // Named by the reference the console shows and searches, as in the ZIPs and the mail.
      'Content-Disposition': `attachment; filename="${invoiceReference(row.id)}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
  });

  routes.get('/usage-reports/:reportId/csv', (c) => {
    const reportId = c.req.param('reportId');
    checkReportSignature(c, usageReportCsvPath(reportId));
    const report = liveReport(reportId);
    const csv = renderUsageCsv(ctx.db, report.organization_id, new Date(report.period_from), new Date(report.period_to), ctx.now());
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${usageCsvFilename(report.period_from, report.period_to, ctx.now())}"`,
      'Cache-Control': 'private, no-store',
    });
  });

  const revokeReport = (c: Context<AppEnv>) => {
    const reportId = c.req.param('reportId') ?? '';
    checkReportSignature(c, usageReportPath(reportId));
    const report = liveReport(reportId);
    const now = ctx.now();
    ctx.db.transaction(() => {
      // Only the call that revoked it records the event: a second one, racing it, changed nothing.
      if (revoke.run(now.toISOString(), reportId).changes === 0) return;
      // The link has no login: the revocation is that of who generated the report, through what they
      // generated it, as a hosted checkout is that of who asked for its link. A report from before
      // the sandbox kept its creator has no one to attribute it to, and records nothing.
      const owner = findOwner.get(reportId);
      if (!owner?.email) return;
      const actor = { email: owner.email, origin: claimedOrigin(owner.origin ?? undefined), userAgent: userAgentOf(c) };
      const change = { id: report.id, revoked_at: now.toISOString() };
      const original = { id: report.id, from: report.period_from, to: report.period_to, expires_at: report.expires_at };
      ctx.events.record({ id: report.organization_id, name: owner.organization_name }, actor, { type: 'DELETE', subTarget: 'BILLING_USAGE_REPORT', change, original }, now);
    })();
    return c.body(null, 204);
  };
  routes.delete('/usage-reports/:reportId', revokeReport);
  routes.post('/usage-reports/:reportId', revokeReport);

  return routes;
}
