import { gzipSync } from 'node:zlib';
import { ApiError } from '#api/api-error';
import type { Link } from '#api/action-answers';
import type { InvoiceList } from '#api/contract';
import { getOrganizationInvoicePDF, organizationDownloadAllInvoices } from '#api/operation-documents';
import { getOrganizationInvoice, listOrganizationInvoice } from '#api/operations';
import { acceptsEncoding } from '../http/accept-encoding';
import { parseUuid } from './auth';
import type { SandboxContext } from './context';
import type { OperationRoutes } from './operation-routes';
import { remember } from './read-cache';
import { toInvoice, type InvoiceStore } from './invoice-store';
import { actorOf } from './organization-events';

export const PDF_LINK_TTL_SECONDS = 300;

/** Lists smaller than this go uncompressed: below it, gzip saves less time than it costs. */
export const GZIP_FROM_BYTES = 64 * 1024;

export function invoicePdfPath(invoiceId: string): string {
  return `/sandbox/invoices/${invoiceId}/pdf`;
}

export function invoiceRoutes(ctx: SandboxContext, routes: OperationRoutes, invoices: InvoiceStore): void {
  function findInvoice(organizationId: string, requestedId: string) {
    const invoiceId = parseUuid(requestedId);
    const row = invoiceId === null ? undefined : invoices.find(organizationId, invoiceId);
    if (!row) throw new ApiError(404, 'Invoice not found');
    return row;
  }

  // The list's JSON is kept as sent: for 10,000 invoices, serializing it is most of the request.
  // A large list is also kept gzipped (1.6 MB becomes about a tenth), made once per cache fill.
  const lists = ctx.cache.area<{ json: string; gzip: Uint8Array<ArrayBuffer> | null }>();

  // Answers the JSON it keeps rather than the list, so it builds its own Response.
  routes.mount(listOrganizationInvoice, ({ c, org }) => {
    const list = remember(lists, org.id, () => {
      const body: InvoiceList = { results: invoices.summaries(org.id).map(toInvoice) };
      const json = JSON.stringify(body);
      return { json, gzip: json.length >= GZIP_FROM_BYTES ? new Uint8Array(gzipSync(json, { level: 6 })) : null };
    });
    c.header('Vary', 'Accept-Encoding');
    if (list.gzip && acceptsEncoding(c.req.header('Accept-Encoding'), 'gzip')) {
      return c.body(list.gzip, 200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    }
    return c.body(list.json, 200, { 'Content-Type': 'application/json' });
  });

  routes.mount(getOrganizationInvoice, ({ org, param }) => toInvoice(findInvoice(org.id, param('invoiceId'))));

  routes.mount(getOrganizationInvoicePDF, async ({ c, org, param }) => {
    const invoice = findInvoice(org.id, param('invoiceId'));
    await ctx.limits.expensive('pdfLink', org.id);
    const expiresAt = new Date(ctx.now().getTime() + PDF_LINK_TTL_SECONDS * 1000);
    c.header('Cache-Control', 'no-store');
    // The contract declares the service Link schema here; clients read `url`, the rest is filled to match it.
    const link: Link = {
      service_id: invoice.id,
      service_type: 'APPLICATION',
      url: ctx.signer.url(ctx.publicUrl, invoicePdfPath(invoice.id), expiresAt),
      internal_port: 443,
      external_port: 443,
      is_qovery_domain: true,
      is_default: true,
    };
    return link;
  });

  routes.mount(organizationDownloadAllInvoices, async ({ c, org }) => {
    await ctx.limits.expensive('downloadAll', org.id);
    // 202 either way: a request made while the mail is being built is answered by that mail.
    // The contract has no invoice sub-target: a download-all is an export of the organization's invoices.
    ctx.db.transaction(() => {
      ctx.mailer.queue(org.id);
      ctx.events.record(org, actorOf(c), { type: 'EXPORT', subTarget: null, change: { invoices: 'all' } }, ctx.now());
    })();
  });
}
