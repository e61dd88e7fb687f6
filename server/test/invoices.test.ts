import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { INVOICE_STATUSES, invoiceListSchema, invoiceSchema, linkSchema } from '../../src/api/contract';
import { countRows, createTestApp, errorBody, orgPath, ORGS, parsed, queryStrings, type TestApp } from './helpers';
import { addGlobexFixtures, RESOURCES } from './operations';
import { pdfText } from './pdf-text';

const NOW = new Date('2026-03-10T12:00:00.000Z');

const outboxSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      organization_id: z.string(),
      to: z.string(),
      subject: z.string(),
      body: z.string(),
      attachments: z.array(z.object({ filename: z.string(), size: z.number(), url: z.string() })),
    }),
  ),
});

function invoiceNumber(app: TestApp, invoiceId: string): string {
  const [number] = queryStrings(app.db, 'SELECT number FROM invoices WHERE id = ?', invoiceId);
  if (number === undefined) throw new Error(`No invoice ${invoiceId}`);
  return number;
}

async function fetchBytes(app: TestApp, url: string, token: string | null = null): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  // Signed links are public: no Authorization header by default, like a browser following the link.
  const response = await app.call('GET', url, { token });
  return { status: response.status, type: response.headers.get('Content-Type'), bytes: response.bytes };
}

describe('invoices', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp({ now: NOW });
  });
  afterEach(() => app.close());

  it('lists every Acme invoice, newest first, in every status, with totals derived from cents', async () => {
    const { results = [] } = parsed(await app.call('GET', orgPath('acme', 'invoice')), 200, invoiceListSchema);
    expect(results).toHaveLength(countRows(app.db, 'invoices', 'organization_id = ?', ORGS.acme));
    expect(results.length).toBeGreaterThanOrEqual(24);
    expect(new Set(results.map((invoice) => invoice.status))).toEqual(new Set(INVOICE_STATUSES));
    expect(new Set(results.map((invoice) => invoice.currency_code))).toEqual(new Set(['USD', 'EUR']));
    for (const invoice of results) expect(invoice.total).toBe(invoice.total_in_cents / 100);
    const dates = results.map((invoice) => Date.parse(invoice.created_at));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The seed's NOT_PAID overage: 1,200 build minutes at 2 cents plus 20% VAT.
    expect(results.find((invoice) => invoice.status === 'NOT_PAID')).toMatchObject({ total_in_cents: 2_880, total: 28.8, currency_code: 'USD' });
  });

  it('gets one invoice as the list shows it, and 404 for unknown or foreign ids', async () => {
    const { results = [] } = parsed(await app.call('GET', orgPath('acme', 'invoice')), 200, invoiceListSchema);
    const listed = results.find((invoice) => invoice.id === RESOURCES.acme.invoiceId);
    const invoice = parsed(await app.call('GET', orgPath('acme', `invoice/${RESOURCES.acme.invoiceId}`), { scheme: 'Token' }), 200, invoiceSchema);
    expect(invoice).toEqual(listed);
    expect(invoice.status).toBe('POSTED');

    errorBody(await app.call('GET', orgPath('acme', 'invoice/00000000-0000-4000-8000-000000000000')), 404);
    errorBody(await app.call('GET', orgPath('acme', 'invoice/not-a-uuid')), 404);
    addGlobexFixtures(app.db, NOW);
    errorBody(await app.call('GET', orgPath('acme', `invoice/${RESOURCES.globex.invoiceId}`)), 404);
    errorBody(await app.call('GET', orgPath('acme', 'invoice/00000000-0000-4000-8000-000000000000/download')), 404);
  });

  it('answers a signed link to a real PDF with the invoice number, seller, billed-to and total', async () => {
    const id = RESOURCES.acme.invoiceId;
    const linkAnswer = await app.call('GET', orgPath('acme', `invoice/${id}/download`));
    const link = parsed(linkAnswer, 200, linkSchema);
    expect(linkAnswer.headers.get('Cache-Control')).toBe('no-store');
    expect(link.service_id).toBe(id);
    expect(link.url).toMatch(new RegExp(`^http://localhost:4173/sandbox/invoices/${id}/pdf\\?expires=\\d+&signature=[\\w-]+$`));

    const pdf = await fetchBytes(app, link.url);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.bytes);
    const number = invoiceNumber(app, id);
    expect(number).toMatch(/^INV-\d{4}-\d{4}$/);
    // The number is compressed away in the raw bytes: only the decoded text proves it is drawn.
    expect(Buffer.from(pdf.bytes).toString('latin1')).not.toContain(number);
    expect(text).toContain(number);
    expect(text).toContain('Qovery Billing Sandbox SAS');
    expect(text).toContain('Acme Corp SAS');
    expect(text).toContain('VAT FR32123456789');
    expect(text).toContain('Total (USD)');
  });

  it('refuses an expired or tampered PDF link with 403', async () => {
    const link = parsed(await app.call('GET', orgPath('acme', `invoice/${RESOURCES.acme.invoiceId}/download`)), 200, linkSchema);
    const tampered = link.url.replace(/signature=(.)/, (_match, first: string) => `signature=${first === 'A' ? 'B' : 'A'}`);
    expect(errorBody(await app.call('GET', tampered, { token: null }), 403).message).toMatch(/not valid/);
    const [paidId = ''] = queryStrings(app.db, "SELECT id FROM invoices WHERE status = 'PAID' LIMIT 1");
    const otherInvoice = link.url.replace(RESOURCES.acme.invoiceId, paidId);
    expect((await app.call('GET', otherInvoice, { token: null })).status).toBe(403);
    expect((await app.call('GET', link.url.replace(/&signature=[^&]+/, ''), { token: null })).status).toBe(403);

    app.clock.advance(299_000);
    expect((await fetchBytes(app, link.url)).status).toBe(200);
    app.clock.advance(2_000);
    expect(errorBody(await app.call('GET', link.url, { token: null }), 403).message).toMatch(/expired/);
  });

  it('downloadInvoices answers 202 and mails a ZIP with one PDF per invoice to the billing email', async () => {
    const result = await app.call('POST', orgPath('acme', 'downloadInvoices'), { token: 'billingAcme' });
    expect(result.status).toBe(202);
    expect(result.text).toBe('');
    await app.sandbox.mailer.idle();

    const { results: mails } = parsed(await app.call('GET', '/sandbox/outbox', { token: 'billingAcme' }), 200, outboxSchema);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.to).toBe('billing@acme.test');
    expect(mail?.attachments).toHaveLength(1);
    const attachment = mail?.attachments[0];
    expect(attachment?.filename).toMatch(/\.zip$/);

    const zip = await fetchBytes(app, attachment?.url ?? '', 'billingAcme');
    expect(zip.status).toBe(200);
    expect(zip.type).toBe('application/zip');
    expect(zip.bytes.length).toBe(attachment?.size);
    const files = unzipSync(zip.bytes);
    const numbers = queryStrings(app.db, 'SELECT number FROM invoices WHERE organization_id = ?', ORGS.acme);
    expect(numbers.length).toBeGreaterThanOrEqual(24);
    expect(Object.keys(files).sort()).toEqual(numbers.map((number) => `${number}.pdf`).sort());
    for (const [name, bytes] of Object.entries(files)) {
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), name).toBe('%PDF-');
      expect(pdfText(bytes)).toContain(name.replace(/\.pdf$/, ''));
    }

    // The mail belongs to Acme's finance people only.
    expect(parsed(await app.call('GET', '/sandbox/outbox', { token: 'adminGlobex' }), 200, outboxSchema).results).toHaveLength(0);
    expect(parsed(await app.call('GET', '/sandbox/outbox', { token: 'viewerAcme' }), 200, outboxSchema).results).toHaveLength(0);
    expect((await app.call('GET', attachment?.url ?? '', { token: 'adminGlobex' })).status).toBe(404);
  });

  it('downloadInvoices builds one mail at a time per organization: repeated requests join the pending one', async () => {
    addGlobexFixtures(app.db, NOW);
    for (let i = 0; i < 5; i++) expect((await app.call('POST', orgPath('acme', 'downloadInvoices'))).status).toBe(202);
    expect((await app.call('POST', orgPath('globex', 'downloadInvoices'), { token: 'adminGlobex' })).status).toBe(202);
    await app.sandbox.mailer.idle();
    expect(countRows(app.db, 'outbox', 'organization_id = ?', ORGS.acme)).toBe(1);
    expect(countRows(app.db, 'outbox', 'organization_id = ?', ORGS.globex)).toBe(1);

    // Once that mail is out, a new request builds a new one.
    expect((await app.call('POST', orgPath('acme', 'downloadInvoices'))).status).toBe(202);
    await app.sandbox.mailer.idle();
    expect(countRows(app.db, 'outbox', 'organization_id = ?', ORGS.acme)).toBe(2);
  });

  it('downloadInvoices mails to the billing email as last saved', async () => {
    addGlobexFixtures(app.db, NOW);
    await app.call('PUT', orgPath('globex', 'billingInfo'), {
      token: 'adminGlobex',
      json: { first_name: 'Hank', last_name: 'Scorpio', email: 'ap@globex.test', address: '1 Cypress Creek', city: 'Berlin', zip: '10115', country_code: 'DE' },
    });
    expect((await app.call('POST', orgPath('globex', 'downloadInvoices'), { token: 'adminGlobex' })).status).toBe(202);
    await app.sandbox.mailer.idle();
    const { results } = parsed(await app.call('GET', '/sandbox/outbox', { token: 'adminGlobex' }), 200, outboxSchema);
    expect(results.map((mail) => mail.to)).toEqual(['ap@globex.test']);
    const zip = await fetchBytes(app, results[0]?.attachments[0]?.url ?? '', 'adminGlobex');
    expect(Object.keys(unzipSync(zip.bytes))).toEqual(['INV-TEST-0001.pdf']);
  });
});
