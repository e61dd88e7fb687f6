import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import { countryName } from '#api/billing-info';
import type { BillingInfo, InvoiceStatus } from '#api/contract';
import { invoiceReference } from '#api/invoice-reference';
import { INVOICE_STATUS_LABELS } from '#api/invoice-status-labels';
import { unpaidDeadline } from '#api/unpaid-grace';
import { addBillingDays, startOfBillingDay } from '#lib/billing-calendar';
import { formatBillingDate, formatBillingDays } from '#lib/date-format';
import { formatMinor } from '#lib/money';

export interface InvoiceDocument {
  id: string;
  status: InvoiceStatus;
  createdAt: string;
  dueAt: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  subtotalCents: number;
  taxRateBp: number;
  taxCents: number;
  totalCents: number;
  lines: ReadonlyArray<{ description: string; quantity: number; unitAmountCents: number; amountCents: number }>;
  /** The organization's name and billing details when the invoice was issued (its snapshot), not today's. */
  organizationName: string;
  billingInfo: BillingInfo | undefined;
}

/** Documents are in English for now: amounts and dates in en-US, dates on the billing calendar (UTC). */
const LOCALE = 'en-US';

export const SELLER = {
  name: 'Qovery Billing Sandbox SAS',
  lines: ['128 rue La Boetie', '75008 Paris', 'France', 'VAT FR83987654321', 'billing@sandbox.test'],
};

// WinAnsi additions beyond Latin-1 that the standard fonts can draw.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function drawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/** Standard PDF fonts only cover WinAnsi: strip accents where that helps, replace the rest with "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/[\r\n\t]+/g, ' ')) {
    if (drawable(char)) out += char;
    else {
      const stripped = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += stripped !== '' && [...stripped].every(drawable) ? stripped : '?';
    }
  }
  return out;
}

function money(minor: number, currency: string): string {
  return formatMinor(minor, currency, LOCALE);
}

/** The billing date of an instant, as the console shows it in every time zone ("March 1, 2026"). */
function day(iso: string): string {
  return formatBillingDate(iso, 'long', LOCALE);
}

/** A service period [start, end): its billing days, the last one included ("Feb 1 – 28, 2026"). */
function period(startIso: string, endIso: string): string {
  const first = startOfBillingDay(startIso);
  const last = addBillingDays(startOfBillingDay(endIso), -1);
  return formatBillingDays(first, last.getTime() < first.getTime() ? first : last, LOCALE);
}

/**
 * The date the invoice is to be paid by, as the console counts it: a failed card payment by the day
 * billing turns invalid (7 days after issue), the others by their terms. None for a draft, a void
 * invoice (nothing is owed) or one whose status the provider did not report.
 */
function dueDate(document: InvoiceDocument): string | null {
  switch (document.status) {
    case 'PENDING':
    case 'VOIDED':
    case 'UNKNOWN':
      return null;
    case 'NOT_PAID':
      return unpaidDeadline(document.createdAt).toISOString();
    default:
      return document.dueAt;
  }
}

/** What the foot of the page says about paying it, by status: a draft and a void invoice are not to be paid. */
function paymentNote(document: InvoiceDocument, reference: string): string {
  const due = dueDate(document);
  switch (document.status) {
    case 'PENDING':
      return 'Draft: not final and not payable. The issued invoice will carry the final amounts and a due date.';
    case 'VOIDED':
      return 'Void: this invoice was cancelled and nothing is owed on it.';
    case 'PAID':
      return `Paid in full. Reference ${reference}.`;
    case 'UNKNOWN':
      return `The billing provider has not reported this invoice's status: check it in the console before paying. Reference ${reference}.`;
    case 'NOT_PAID':
      return `The card payment failed. Pay by ${day(due ?? document.createdAt)} to keep billing valid. Quote ${reference} with your payment.`;
    default:
      return `Payment due by ${day(due ?? document.dueAt)}. Quote ${reference} with your payment.`;
  }
}

/** Across the page, for documents that must not be mistaken for an invoice to pay. */
const WATERMARKS: Partial<Record<InvoiceStatus, string>> = { PENDING: 'DRAFT', VOIDED: 'VOID' };

function fit(text: string, font: PDFFont, size: number, width: number): string {
  const safe = toWinAnsi(text);
  if (font.widthOfTextAtSize(safe, size) <= width) return safe;
  let cut = safe;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function billedToLines(document: InvoiceDocument): string[] {
  const info = document.billingInfo;
  if (!info || (!info.company && !info.first_name && !info.address)) {
    return [document.organizationName, 'Billing details not provided'];
  }
  const name = [info.first_name, info.last_name].filter(Boolean).join(' ');
  const cityLine = [info.zip, info.city].filter(Boolean).join(' ');
  return [
    info.company ?? document.organizationName,
    name,
    info.address ?? '',
    info.state ? `${cityLine}, ${info.state}` : cityLine,
    info.country_code ? countryName(info.country_code) : '',
    info.vat_number ? `VAT ${info.vat_number}` : '',
    info.email ?? '',
  ].filter((line) => line !== '');
}

/**
 * A one-page A4 invoice: seller, billed-to as it was when the invoice was issued, line items, tax and
 * total, under the reference the console shows (invoiceReference) and the status as the console words
 * it. A PENDING invoice is a draft: it says so in its heading and across the page, and has no due date.
 */
export async function renderInvoicePdf(document: InvoiceDocument): Promise<Uint8Array> {
  const reference = invoiceReference(document.id);
  const draft = document.status === 'PENDING';
  // pdf-lib is a tenth of a second to load: the server loads it with the first PDF, not at start.
  const { PDFDocument, StandardFonts, degrees, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${draft ? 'Draft invoice' : 'Invoice'} ${reference}`);
  pdf.setSubject(`${draft ? 'Draft invoice' : 'Invoice'} ${reference} (${document.id})`);
  pdf.setAuthor(SELLER.name);
  pdf.setCreator('Billing console sandbox');
  pdf.setCreationDate(new Date(document.createdAt));

  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.12, 0.16);
  const muted = rgb(0.4, 0.44, 0.5);
  const left = 50;
  const right = 545;

  const text = (p: PDFPage, value: string, x: number, y: number, options: { size?: number; font?: PDFFont; color?: RGB; width?: number; alignRight?: boolean } = {}) => {
    const size = options.size ?? 10;
    const font = options.font ?? regular;
    const content = fit(value, font, size, options.width ?? (options.alignRight ? x - left : right - x));
    const dx = options.alignRight ? -font.widthOfTextAtSize(content, size) : 0;
    p.drawText(content, { x: x + dx, y, size, font, color: options.color ?? ink });
  };

  const watermark = WATERMARKS[document.status];
  if (watermark) {
    const size = 110;
    const width = bold.widthOfTextAtSize(watermark, size);
    // Drawn first, so that the text of the invoice stays on top of it.
    page.drawText(watermark, {
      x: 297.64 - (width / 2) * Math.cos(Math.PI / 6),
      y: 420.94 - (width / 2) * Math.sin(Math.PI / 6),
      size,
      font: bold,
      color: rgb(0.75, 0.2, 0.2),
      opacity: 0.12,
      rotate: degrees(30),
    });
  }

  text(page, draft ? 'DRAFT INVOICE' : 'INVOICE', left, 780, { size: 24, font: bold });
  text(page, reference, right, 786, { size: 12, font: bold, alignRight: true });
  text(page, `Status: ${INVOICE_STATUS_LABELS[document.status]}`, right, 770, { size: 10, color: muted, alignRight: true });

  let y = 735;
  text(page, 'From', left, y, { size: 9, font: bold, color: muted });
  text(page, 'Billed to', 310, y, { size: 9, font: bold, color: muted });
  const sellerLines = [SELLER.name, ...SELLER.lines];
  const billedTo = billedToLines(document);
  for (let i = 0; i < Math.max(sellerLines.length, billedTo.length); i += 1) {
    y -= 14;
    const seller = sellerLines[i];
    const buyer = billedTo[i];
    if (seller) text(page, seller, left, y, { font: i === 0 ? bold : regular, width: 240 });
    if (buyer) text(page, buyer, 310, y, { font: i === 0 ? bold : regular, width: 235 });
  }

  y -= 34;
  const due = dueDate(document);
  const meta: Array<[string, string]> = [
    ['Reference', reference],
    ['Invoice ID', document.id],
    [draft ? 'Draft date' : 'Invoice date', day(document.createdAt)],
    ...(due === null ? [] : [['Due date', day(due)] satisfies [string, string]]),
    ['Service period', period(document.periodStart, document.periodEnd)],
  ];
  for (const [label, value] of meta) {
    text(page, label, left, y, { color: muted, width: 110 });
    text(page, value, left + 110, y);
    y -= 14;
  }

  y -= 20;
  const columns = { quantity: 370, unit: 460, amount: right };
  page.drawRectangle({ x: left - 6, y: y - 6, width: right - left + 12, height: 20, color: rgb(0.94, 0.95, 0.97) });
  text(page, 'Description', left, y, { font: bold, width: 300 });
  text(page, 'Qty', columns.quantity, y, { font: bold, alignRight: true });
  text(page, 'Unit price', columns.unit, y, { font: bold, alignRight: true });
  text(page, 'Amount', columns.amount, y, { font: bold, alignRight: true });
  y -= 22;
  for (const line of document.lines) {
    text(page, line.description, left, y, { width: 280 });
    text(page, String(line.quantity), columns.quantity, y, { alignRight: true });
    text(page, money(line.unitAmountCents, document.currency), columns.unit, y, { alignRight: true });
    text(page, money(line.amountCents, document.currency), columns.amount, y, { alignRight: true });
    y -= 16;
    if (y < 170) break;
  }

  y -= 8;
  page.drawLine({ start: { x: 330, y: y + 10 }, end: { x: right, y: y + 10 }, thickness: 0.5, color: muted });
  const totals: Array<[string, string, boolean]> = [
    ['Subtotal', money(document.subtotalCents, document.currency), false],
    [`Tax (VAT ${(document.taxRateBp / 100).toFixed(document.taxRateBp % 100 === 0 ? 0 : 2)}%)`, money(document.taxCents, document.currency), false],
    [`Total (${document.currency})`, money(document.totalCents, document.currency), true],
  ];
  for (const [label, value, strong] of totals) {
    y -= 6;
    text(page, label, 340, y, { font: strong ? bold : regular, width: 120 });
    text(page, value, right, y, { font: strong ? bold : regular, alignRight: true, size: strong ? 12 : 10 });
    y -= 12;
  }

  text(page, paymentNote(document, reference), left, 80, { size: 8, color: draft ? ink : muted, font: draft ? bold : regular });
  text(page, 'Generated by the billing console sandbox: a demonstration document, not a tax invoice.', left, 68, { size: 8, color: muted });
  return pdf.save();
}
