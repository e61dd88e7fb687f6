import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { linkSchema } from '#api/action-answers';
import { INVOICE_STATUSES, invoiceListSchema, invoiceSchema, type InvoiceStatus } from '#api/contract';
import { invoiceReference } from '#api/invoice-reference';
import { INVOICE_STATUS_LABELS } from '#api/invoice-status-labels';
import { unpaidDeadline } from '#api/unpaid-grace';
import { formatBillingDate } from '#lib/date-format';
import { formatMinor } from '#lib/money';
import { toWinAnsi } from '../sandbox/invoice-pdf';
import { billedToSnapshot } from '../sandbox/invoice-store';
import { countRows, createTestApp, errorBody, orgPath, ORGS, parsed, queryStrings, type OrgName, type TestApp } from './helpers';
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

async function fetchBytes(app: TestApp, url: string, token: string | null = null): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Uint8Array }> {
  // Signed links are public: no Authorization header by default, like a browser following the link.
  const response = await app.call('GET', url, { token });
  return { status: response.status, type: response.headers.get('Content-Type'), disposition: response.headers.get('Content-Disposition'), bytes: response.bytes };
}

/**
 * An invoice's PDF the way the console gets it: a signed link from the API, then the file. Acme is
 * billed in France, so its PDFs are in French unless asked otherwise: these tests read the English
 * ones (`?lang=en`), the language tests below the others.
 */
async function invoicePdf(app: TestApp, invoiceId: string, lang: string | null = 'en'): Promise<{ disposition: string | null; text: string }> {
  const link = parsed(await app.call('GET', orgPath('acme', `invoice/${invoiceId}/download`)), 200, linkSchema);
  const pdf = await fetchBytes(app, lang === null ? link.url : `${link.url}&lang=${lang}`);
  expect(pdf.status).toBe(200);
  return { disposition: pdf.disposition, text: pdfText(pdf.bytes) };
}

function acmeInvoiceWithStatus(app: TestApp, status: InvoiceStatus): string {
  const [id] = queryStrings(app.db, 'SELECT id FROM invoices WHERE organization_id = ? AND status = ? ORDER BY created_at DESC LIMIT 1', ORGS.acme, status);
  if (id === undefined) throw new Error(`Acme has no ${status} invoice`);
  return id;
}

/** Acme's billing details after a move to Lyon under another company name. */
const MOVED_BILLING_INFO = {
  first_name: 'Alex',
  last_name: 'Martin',
  email: 'ap@acme.test',
  address: '1 Infinite Loop',
  city: 'Lyon',
  zip: '69001',
  country_code: 'FR',
  company: 'Acme Holding SA',
  vat_number: 'FR32123456789',
};

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

  it('answers a signed link to a real PDF named and headed by the console’s reference, with seller, billed-to, billing dates and total', async () => {
    const id = RESOURCES.acme.invoiceId;
    const linkAnswer = await app.call('GET', orgPath('acme', `invoice/${id}/download`));
    const link = parsed(linkAnswer, 200, linkSchema);
    expect(linkAnswer.headers.get('Cache-Control')).toBe('no-store');
    expect(link.service_id).toBe(id);
    expect(link.url).toMatch(new RegExp(`^http://localhost:4173/sandbox/invoices/${id}/pdf\\?expires=\\d+&signature=[\\w-]+$`));

    const pdf = await fetchBytes(app, `${link.url}&lang=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.bytes);
    const reference = invoiceReference(id);
    expect(pdf.disposition).toBe(`attachment; filename="${reference}.pdf"`);
    // The reference is compressed away in the raw bytes: only the decoded text proves it is drawn.
    expect(Buffer.from(pdf.bytes).toString('latin1')).not.toContain(reference);
    expect(text.split('\n')).toContain(reference);
    expect(text).not.toMatch(/INV-\d{4}-\d{4}/);
    expect(text).toContain('Qovery Billing Sandbox SAS');
    expect(text).toContain('Acme Corp SAS');
    expect(text).toContain('VAT FR32123456789');
    const invoice = parsed(await app.call('GET', orgPath('acme', `invoice/${id}`)), 200, invoiceSchema);
    // The date the console shows in every time zone, and the amount it shows, to the cent.
    expect(text.split('\n')).toContain(formatBillingDate(invoice.created_at, 'long', 'en-US'));
    expect(text).toContain('Total (USD)');
    expect(text.split('\n')).toContain(formatMinor(invoice.total_in_cents, 'USD', 'en-US'));
  });

  it('words each status as the console does, and marks a pending invoice as a draft with nothing to pay', async () => {
    for (const status of INVOICE_STATUSES) {
      const { text } = await invoicePdf(app, acmeInvoiceWithStatus(app, status));
      expect(text, status).toContain(`Status: ${INVOICE_STATUS_LABELS[status]}`);
    }
    const draft = (await invoicePdf(app, acmeInvoiceWithStatus(app, 'PENDING'))).text;
    expect(draft).toContain('DRAFT INVOICE');
    expect(draft).toContain('Draft: not final and not payable.');
    expect(draft).not.toContain('Due date');
    expect(draft).not.toContain('Payment due by');
    const open = (await invoicePdf(app, acmeInvoiceWithStatus(app, 'POSTED'))).text;
    expect(open).toMatch(/^INVOICE$/m);
    expect(open).not.toContain('DRAFT');
    expect(open).toContain('Due date');
    expect(open).toMatch(/Payment due by \w+ \d{1,2}, \d{4}\. Quote INV-[0-9A-F]{10} with your payment\./);
  });

  it('prints the billing details as they were when the invoice was issued, not as edited since', async () => {
    const id = RESOURCES.acme.invoiceId;
    const before = (await invoicePdf(app, id)).text;
    expect(before).toContain('12 rue de la Paix');
    const edited = await app.call('PUT', orgPath('acme', 'billingInfo'), { json: MOVED_BILLING_INFO });
    expect(edited.status).toBe(200);
    const after = (await invoicePdf(app, id)).text;
    expect(after).toContain('12 rue de la Paix');
    expect(after).toContain('Acme Corp SAS');
    expect(after).toContain('billing@acme.test');
    expect(after).not.toContain('1 Infinite Loop');
    expect(after).not.toContain('Acme Holding SA');
  });

  it('prints a draft with the billing details as they are now: it is not issued yet', async () => {
    const edited = await app.call('PUT', orgPath('acme', 'billingInfo'), { json: MOVED_BILLING_INFO });
    expect(edited.status).toBe(200);
    const draft = (await invoicePdf(app, acmeInvoiceWithStatus(app, 'PENDING'))).text;
    expect(draft).toContain('1 Infinite Loop');
    expect(draft).toContain('Acme Holding SA');
    expect(draft).not.toContain('12 rue de la Paix');
  });

  it('gives a failed payment the deadline the console gives it, and promises no due date for an unknown status', async () => {
    const failedId = acmeInvoiceWithStatus(app, 'NOT_PAID');
    const failed = (await invoicePdf(app, failedId)).text;
    const [createdAt = ''] = queryStrings(app.db, 'SELECT created_at FROM invoices WHERE id = ?', failedId);
    const deadline = formatBillingDate(unpaidDeadline(createdAt).toISOString(), 'long', 'en-US');
    // The overview and the invoice list say billing turns invalid 7 days after issue: the PDF says pay by then, not in 30 days.
    expect(failed.split('\n')).toContain(deadline);
    expect(failed).toContain(`The card payment failed. Pay by ${deadline} to keep billing valid.`);
    const unknown = (await invoicePdf(app, acmeInvoiceWithStatus(app, 'UNKNOWN'))).text;
    expect(unknown).not.toContain('Payment due by');
    expect(unknown).not.toContain('Due date');
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
    const ids = queryStrings(app.db, 'SELECT id FROM invoices WHERE organization_id = ?', ORGS.acme);
    expect(ids.length).toBeGreaterThanOrEqual(24);
    expect(Object.keys(files).sort()).toEqual(ids.map((id) => `${invoiceReference(id)}.pdf`).sort());
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
    expect(Object.keys(unzipSync(zip.bytes))).toEqual([`${invoiceReference(RESOURCES.globex.invoiceId)}.pdf`]);
  });
});

/** Billing details in a country, for an organization to be billed there. */
const BILLED_IN = {
  US: { first_name: 'Alex', last_name: 'Martin', email: 'ap@acme.test', address: '350 Fifth Avenue', city: 'New York', zip: '10118', state: 'NY', country_code: 'US' },
  DE: { first_name: 'Hank', last_name: 'Scorpio', email: 'ap@globex.test', address: 'Unter den Linden 1', city: 'Berlin', zip: '10117', country_code: 'DE' },
} as const;

describe('invoice documents in the billing country’s language', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp({ now: NOW });
  });
  afterEach(() => app.close());

  async function billIn(org: OrgName, country: keyof typeof BILLED_IN): Promise<void> {
    expect((await app.call('PUT', orgPath(org, 'billingInfo'), { token: org === 'acme' ? 'adminAcme' : 'adminGlobex', json: BILLED_IN[country] })).status).toBe(200);
  }

  async function mails(token: 'billingAcme' | 'adminGlobex') {
    return parsed(await app.call('GET', '/sandbox/outbox', { token }), 200, outboxSchema).results;
  }

  it('prints a French-billed organization’s invoice in French: words, status, dates, amounts and countries', async () => {
    const id = acmeInvoiceWithStatus(app, 'POSTED');
    const { disposition, text } = await invoicePdf(app, id, null);
    const lines = text.split('\n');
    const invoice = parsed(await app.call('GET', orgPath('acme', `invoice/${id}`)), 200, invoiceSchema);
    const [dueAt = ''] = queryStrings(app.db, 'SELECT due_at FROM invoices WHERE id = ?', id);
    expect(disposition).toBe(`attachment; filename="${invoiceReference(id)}.pdf"`);
    expect(lines).toContain('FACTURE');
    expect(lines).toContain('Statut : Émise');
    expect(lines).toContain('Facturé à');
    expect(lines).toContain('N° de TVA FR32123456789');
    expect(lines).toContain('Date d’échéance');
    expect(lines).toContain(formatBillingDate(invoice.created_at, 'long', 'fr-FR'));
    expect(text).toMatch(/^TVA \(20\s%\)$/m);
    // "358,80 $US": the amount as the French console writes it (its spaces as the PDF's fonts draw them).
    expect(lines).toContain(toWinAnsi(formatMinor(invoice.total_in_cents, 'USD', 'fr-FR')));
    expect(text).toContain(`Paiement dû au plus tard le ${formatBillingDate(dueAt, 'long', 'fr-FR')}. Indiquez la référence ${invoiceReference(id)} lors de votre paiement.`);
    expect(text).not.toMatch(/Invoice|Due date|Billed to|Status:/);
  });

  it('follows ?lang=: German on request, English for Hebrew, and a 400 naming the choices for an unknown language', async () => {
    const id = acmeInvoiceWithStatus(app, 'NOT_PAID');
    const german = (await invoicePdf(app, id, 'de')).text;
    const [createdAt = ''] = queryStrings(app.db, 'SELECT created_at FROM invoices WHERE id = ?', id);
    expect(german.split('\n')).toEqual(expect.arrayContaining(['RECHNUNG', 'Status: Zahlung fehlgeschlagen', 'Rechnungsempfänger', 'Frankreich', 'Fälligkeitsdatum']));
    expect(german).toContain(`Bitte zahlen Sie bis zum ${formatBillingDate(unpaidDeadline(createdAt).toISOString(), 'long', 'de-DE')}, damit Ihre Abrechnung gültig bleibt.`);
    expect(german).not.toContain('FACTURE');

    // The console speaks Hebrew; the PDFs' fonts cannot draw it.
    expect((await invoicePdf(app, id, 'he')).text.split('\n')).toContain('INVOICE');

    const link = parsed(await app.call('GET', orgPath('acme', `invoice/${id}/download`)), 200, linkSchema);
    const unknown = errorBody(await app.call('GET', `${link.url}&lang=xx`, { token: null }), 400);
    expect(unknown.message).toBe('Unknown language in lang: use en, fr, de or es (he gives English: documents have no Hebrew version)');
    expect(unknown.errors).toEqual([{ field: 'lang', message: unknown.message }]);
  });

  it('speaks the language of the address it prints: a draft today’s, an issued invoice the one it was issued to', async () => {
    await billIn('acme', 'US');
    const draft = (await invoicePdf(app, acmeInvoiceWithStatus(app, 'PENDING'), null)).text;
    expect(draft.split('\n')).toEqual(expect.arrayContaining(['DRAFT INVOICE', 'Status: Pending', 'United States', 'Draft date']));
    expect(draft).toContain('Draft: not final and not payable.');
    const issued = (await invoicePdf(app, acmeInvoiceWithStatus(app, 'PAID'), null)).text;
    expect(issued.split('\n')).toEqual(expect.arrayContaining(['FACTURE', 'Statut : Payée', 'France']));
  });

  it('fits every word on the page in every language, cutting none', async () => {
    for (const lang of ['fr', 'de', 'es']) {
      for (const status of INVOICE_STATUSES) {
        const { text } = await invoicePdf(app, acmeInvoiceWithStatus(app, status), lang);
        expect(
          text.split('\n').filter((line) => line.endsWith('…')),
          `${status} in ${lang}`,
        ).toEqual([]);
      }
    }
  });

  it('mails a German-billed organization in German, with the ZIP’s PDFs in the language of the address each prints', async () => {
    addGlobexFixtures(app.db, NOW);
    await billIn('globex', 'DE');
    // Its invoice as if issued since it is billed in Germany.
    app.db.prepare('UPDATE invoices SET billed_to = ? WHERE id = ?').run(billedToSnapshot(app.db)(ORGS.globex), RESOURCES.globex.invoiceId);
    expect((await app.call('POST', orgPath('globex', 'downloadInvoices'), { token: 'adminGlobex' })).status).toBe(202);
    await app.sandbox.mailer.idle();
    const [mail] = await mails('adminGlobex');
    expect(mail?.subject).toBe('Ihre Rechnungen von Globex');
    expect(mail?.body).toBe('Guten Tag,\n\nwie gewünscht enthält das angehängte Archiv die einzige Rechnung von Globex als PDF-Datei.\n\nIhr Abrechnungsteam');
    expect(mail?.attachments.map((file) => file.filename)).toEqual(['rechnungen-2026-03-10.zip']);
    const zip = await fetchBytes(app, mail?.attachments[0]?.url ?? '', 'adminGlobex');
    const [pdf] = Object.values(unzipSync(zip.bytes));
    expect(pdfText(pdf ?? new Uint8Array()).split('\n')).toEqual(expect.arrayContaining(['RECHNUNG', 'Status: Bezahlt', 'Deutschland']));
  });

  it('mails a US-billed organization in English, word for word as before', async () => {
    await billIn('acme', 'US');
    expect((await app.call('POST', orgPath('acme', 'downloadInvoices'), { token: 'billingAcme' })).status).toBe(202);
    await app.sandbox.mailer.idle();
    const [mail] = await mails('billingAcme');
    const count = countRows(app.db, 'invoices', 'organization_id = ?', ORGS.acme);
    expect(mail?.subject).toBe('Your Acme Corp invoices');
    expect(mail?.body).toBe(`Hello,\n\nAs requested, the attached archive holds all ${count} invoices of Acme Corp as PDF files.\n\nThe billing team`);
    expect(mail?.attachments.map((file) => file.filename)).toEqual(['invoices-2026-03-10.zip']);
  });
});
