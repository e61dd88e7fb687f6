import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import type { BillingInfo, InvoiceStatus } from '#api/contract';
import { invoiceReference } from '#api/invoice-reference';
import { unpaidDeadline } from '#api/unpaid-grace';
import { addBillingDays, startOfBillingDay } from '#lib/billing-calendar';
import { formatBillingDate, formatBillingDays } from '#lib/date-format';
import { formatMinor } from '#lib/money';
import type { DocumentMessageKey, DocumentText } from '../documents/document-text';
import { countryLanguage, type DocumentLanguage } from '../documents/language';

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

export const SELLER = {
  name: 'Qovery Billing Sandbox SAS',
  address: ['128 rue La Boetie', '75008 Paris'],
  countryCode: 'FR',
  vatNumber: 'FR83987654321',
  email: 'billing@sandbox.test',
};

/**
 * The language of an invoice's PDF when the reader asks for none: that of the country of the address
 * it prints, the billed-to as it was when the invoice was issued (today's for a draft), so an
 * invoice reads the same whenever and however it is downloaded.
 */
export function invoiceLanguage(document: InvoiceDocument): DocumentLanguage {
  return countryLanguage(document.billingInfo?.country_code);
}

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

/** Amounts, dates and numbers in the document's locale (en-US: "$1,234.50", "March 1, 2026"), dates on the billing calendar (UTC). */
function formats(locale: string) {
  const wholePercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(locale, { useGrouping: 'min2', maximumFractionDigits: 6 });
  return {
    money: (minor: number, currency: string) => formatMinor(minor, currency, locale),
    /** The billing date of an instant, as the console shows it in every time zone ("March 1, 2026"). */
    day: (iso: string) => formatBillingDate(iso, 'long', locale),
    /** A service period [start, end): its billing days, the last one included ("Feb 1 – 28, 2026"). */
    period: (startIso: string, endIso: string) => {
      const first = startOfBillingDay(startIso);
      const last = addBillingDays(startOfBillingDay(endIso), -1);
      return formatBillingDays(first, last.getTime() < first.getTime() ? first : last, locale);
    },
    /** A tax rate in basis points: "20%", "5.50%" (two decimals unless whole), "20 %" in French. */
    rate: (basisPoints: number) => (basisPoints % 100 === 0 ? wholePercent : percent).format(basisPoints / 10_000),
    /** A quantity: grouped from five digits on ("1200", "12,000"), as a count is usually written. */
    quantity: (value: number) => count.format(value),
  };
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
function paymentNote(document: InvoiceDocument, reference: string, { t }: DocumentText, day: (iso: string) => string): string {
  const due = dueDate(document);
  switch (document.status) {
    case 'PENDING':
      return t('pdf.noteDraft');
    case 'VOIDED':
      return t('pdf.noteVoid');
    case 'PAID':
      return t('pdf.notePaid', { reference });
    case 'UNKNOWN':
      return t('pdf.noteUnknown', { reference });
    case 'NOT_PAID':
      return t('pdf.notePaymentFailed', { date: day(due ?? document.createdAt), reference });
    default:
      return t('pdf.noteDue', { date: day(due ?? document.dueAt), reference });
  }
}

/** Across the page, for documents that must not be mistaken for an invoice to pay. */
const WATERMARKS: Partial<Record<InvoiceStatus, DocumentMessageKey>> = { PENDING: 'pdf.watermarkDraft', VOIDED: 'pdf.watermarkVoid' };

function fit(text: string, font: PDFFont, size: number, width: number): string {
  const safe = toWinAnsi(text);
  if (font.widthOfTextAtSize(safe, size) <= width) return safe;
  let cut = safe;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function billedToLines(document: InvoiceDocument, { t, countryName }: DocumentText): string[] {
  const info = document.billingInfo;
  if (!info || (!info.company && !info.first_name && !info.address)) {
    return [document.organizationName, t('pdf.billingDetailsMissing')];
  }
  const name = [info.first_name, info.last_name].filter(Boolean).join(' ');
  const cityLine = [info.zip, info.city].filter(Boolean).join(' ');
  return [
    info.company ?? document.organizationName,
    name,
    info.address ?? '',
    info.state ? `${cityLine}, ${info.state}` : cityLine,
    info.country_code ? countryName(info.country_code) : '',
    info.vat_number ? t('pdf.vatNumber', { number: info.vat_number }) : '',
    info.email ?? '',
  ].filter((line) => line !== '');
}

function sellerLines({ t, countryName }: DocumentText): string[] {
  return [SELLER.name, ...SELLER.address, countryName(SELLER.countryCode), t('pdf.vatNumber', { number: SELLER.vatNumber }), SELLER.email];
}

/** Lines of at most `width` points, broken between words (a longer word is cut by `fit`). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of toWinAnsi(text).split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  return [...lines, line];
}

/**
 * A one-page A4 invoice: seller, billed-to as it was when the invoice was issued, line items, tax and
 * total, under the reference the console shows (invoiceReference) and the status in the documents'
 * words, in `language` (by default the billed-to country's: invoiceLanguage). A PENDING invoice is a
 * draft: it says so in its heading and across the page, and has no due date.
 */
export async function renderInvoicePdf(document: InvoiceDocument, language: DocumentLanguage = invoiceLanguage(document)): Promise<Uint8Array> {
  const reference = invoiceReference(document.id);
  const draft = document.status === 'PENDING';
  // pdf-lib is a tenth of a second to load, the catalogs and their compiler a few hundredths: the
  // server loads them with the first PDF, not at start.
  const [{ PDFDocument, StandardFonts, degrees, rgb }, { documentText }] = await Promise.all([import('pdf-lib'), import('../documents/document-text')]);
  const words = await documentText(language);
  const { t } = words;
  const { money, day, period, rate, quantity } = formats(words.locale);
  const pdf = await PDFDocument.create();
  pdf.setTitle(t(draft ? 'pdf.documentTitleDraft' : 'pdf.documentTitle', { reference }));
  pdf.setSubject(t(draft ? 'pdf.documentSubjectDraft' : 'pdf.documentSubject', { reference, id: document.id }));
  pdf.setAuthor(SELLER.name);
  pdf.setCreator('Billing console sandbox');
  pdf.setLanguage(words.locale);
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

  const watermarkKey = WATERMARKS[document.status];
  if (watermarkKey) {
    const watermark = toWinAnsi(t(watermarkKey));
    // 110 points, smaller for a longer word ("STORNIERT") so that it stays on the page.
    const size = Math.min(110, 500 / bold.widthOfTextAtSize(watermark, 1));
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

  text(page, t(draft ? 'pdf.headingDraft' : 'pdf.heading'), left, 780, { size: 24, font: bold });
  text(page, reference, right, 786, { size: 12, font: bold, alignRight: true });
  // The documents' own words for the statuses: in English, the console's (src/api/invoice-status-labels.ts).
  text(page, t('pdf.status', { status: t(`status.${document.status}`) }), right, 770, { size: 10, color: muted, alignRight: true });

  let y = 735;
  text(page, t('pdf.from'), left, y, { size: 9, font: bold, color: muted });
  text(page, t('pdf.billedTo'), 310, y, { size: 9, font: bold, color: muted });
  const seller = sellerLines(words);
  const billedTo = billedToLines(document, words);
  for (let i = 0; i < Math.max(seller.length, billedTo.length); i += 1) {
    y -= 14;
    const from = seller[i];
    const to = billedTo[i];
    if (from) text(page, from, left, y, { font: i === 0 ? bold : regular, width: 240 });
    if (to) text(page, to, 310, y, { font: i === 0 ? bold : regular, width: 235 });
  }

  y -= 34;
  const due = dueDate(document);
  const meta: Array<[string, string]> = [
    [t('pdf.reference'), reference],
    [t('pdf.invoiceId'), document.id],
    [t(draft ? 'pdf.draftDate' : 'pdf.invoiceDate'), day(document.createdAt)],
    ...(due === null ? [] : [[t('pdf.dueDate'), day(due)] satisfies [string, string]]),
    [t('pdf.servicePeriod'), period(document.periodStart, document.periodEnd)],
  ];
  // 110 points, wider when a language's labels need it.
  const labelWidth = Math.max(110, Math.ceil(Math.max(...meta.map(([label]) => regular.widthOfTextAtSize(toWinAnsi(label), 10)))) + 10);
  for (const [label, value] of meta) {
    text(page, label, left, y, { color: muted, width: labelWidth });
    text(page, value, left + labelWidth, y);
    y -= 14;
  }

  y -= 20;
  const columns = { quantity: 370, unit: 460, amount: right };
  page.drawRectangle({ x: left - 6, y: y - 6, width: right - left + 12, height: 20, color: rgb(0.94, 0.95, 0.97) });
  text(page, t('pdf.description'), left, y, { font: bold, width: 300 });
  text(page, t('pdf.quantity'), columns.quantity, y, { font: bold, alignRight: true });
  text(page, t('pdf.unitPrice'), columns.unit, y, { font: bold, alignRight: true });
  text(page, t('pdf.amount'), columns.amount, y, { font: bold, alignRight: true });
  y -= 22;
  for (const line of document.lines) {
    text(page, line.description, left, y, { width: 280 });
    text(page, quantity(line.quantity), columns.quantity, y, { alignRight: true });
    text(page, money(line.unitAmountCents, document.currency), columns.unit, y, { alignRight: true });
    text(page, money(line.amountCents, document.currency), columns.amount, y, { alignRight: true });
    y -= 16;
    if (y < 170) break;
  }

  y -= 8;
  page.drawLine({ start: { x: 330, y: y + 10 }, end: { x: right, y: y + 10 }, thickness: 0.5, color: muted });
  const totals: Array<[string, string, boolean]> = [
    [t('pdf.subtotal'), money(document.subtotalCents, document.currency), false],
    [t('pdf.tax', { rate: rate(document.taxRateBp) }), money(document.taxCents, document.currency), false],
    [t('pdf.total', { currency: document.currency }), money(document.totalCents, document.currency), true],
  ];
  for (const [label, value, strong] of totals) {
    y -= 6;
    text(page, label, 340, y, { font: strong ? bold : regular, width: 120 });
    text(page, value, right, y, { font: strong ? bold : regular, alignRight: true, size: strong ? 12 : 10 });
    y -= 12;
  }

  // One line each in English; a longer sentence in another language takes two rather than being cut.
  const noteFont = draft ? bold : regular;
  const note = wrap(paymentNote(document, reference, words, day), noteFont, 8, right - left);
  note.forEach((line, i) => text(page, line, left, 80 + (note.length - 1 - i) * 10, { size: 8, color: draft ? ink : muted, font: noteFont }));
  wrap(t('pdf.disclaimer'), regular, 8, right - left).forEach((line, i) => text(page, line, left, 68 - i * 10, { size: 8, color: muted }));
  return pdf.save();
}
