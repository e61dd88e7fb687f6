import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { ACME, expect, expectAccessible, test } from './fixtures';

interface ApiInvoice {
  id: string;
  created_at: string;
  status: string;
  total_in_cents: number;
  currency_code: string;
}

function isInvoiceList(body: unknown): body is { results: ApiInvoice[] } {
  return typeof body === 'object' && body !== null && 'results' in body && Array.isArray(body.results);
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/**
 * The text a PDF shows: pdf-lib writes page text and metadata as hex strings inside Flate streams,
 * so every stream is inflated and every <hex> string decoded (UTF-16 when it starts with a BOM).
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts = [raw];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not every stream is Flate-compressed text; those are skipped.
    }
  }
  const decoded = parts.join('\n').replace(/<([0-9A-Fa-f\s]+)>/g, (_, hex: string) => {
    const bytes = Buffer.from(hex.replace(/\s/g, ''), 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  });
  return decoded;
}

/** Short ids of the table's rows, top to bottom (every row is rendered for a short list). */
async function rowIds(page: Page): Promise<string[]> {
  const links = page.getByRole('table', { name: 'Invoices' }).getByRole('row').getByRole('link');
  return (await links.allTextContents()).map((text) => text.replace('Invoice', '').trim());
}

test.describe('invoices', () => {
  test('finance finds last year’s unpaid invoices, reads one, downloads it, exports the view and emails them all', async ({ page, signIn, api }) => {
    test.setTimeout(120_000);
    await signIn('billingAcme');
    const listed = await api('billingAcme', `/api/organization/${ACME}/invoice`);
    if (!isInvoiceList(listed.body)) throw new Error('unexpected invoice list');
    const invoices = listed.body.results;

    // The overview warns about unpaid invoices and links to them.
    await page.goto(`/organizations/${ACME}/overview`);
    const banner = page.getByRole('status').filter({ hasText: '3 unpaid invoices' });
    await expect(banner).toBeVisible();
    await banner.getByRole('link', { name: 'See unpaid invoices' }).click();
    await expect(page).toHaveURL(/\/invoices\?status=NOT_PAID%2CPAYMENT_DUE$/);
    await expect(page.getByText('Showing 3 of 37 invoices')).toBeVisible();

    // Last year, in the browser's time zone (the same as this process's).
    const year = new Date().getFullYear() - 1;
    const expected = invoices
      .filter((invoice) => ['NOT_PAID', 'PAYMENT_DUE'].includes(invoice.status) && new Date(invoice.created_at).getFullYear() === year)
      .sort((a, b) => b.total_in_cents - a.total_in_cents || Date.parse(b.created_at) - Date.parse(a.created_at));
    expect(expected.length, 'Acme has a PAYMENT_DUE invoice in the previous calendar year').toBeGreaterThan(0);
    await page.getByLabel('Period').selectOption({ label: 'Last year' });
    await expect(page.getByText(new RegExp(`^Jan 1\\s*–\\s*Dec 31, ${year}$`))).toBeVisible();
    await page.getByRole('button', { name: 'Amount' }).click();
    await expect(page.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/status=NOT_PAID%2CPAYMENT_DUE&period=last-year&sort=amount$/);
    const view = expected.map((invoice) => invoice.id.slice(0, 8));
    await expect.poll(() => rowIds(page)).toEqual(view);
    await expect(page.getByText(`Showing ${expected.length} of 37 invoices`)).toBeVisible();
    await expectAccessible(page, 'invoice list filtered');

    // The view holds across a reload.
    await page.reload();
    await expect(page.getByLabel('Period')).toHaveValue('last-year');
    await expect(page.getByRole('checkbox', { name: 'Payment due' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Payment failed' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Paid' })).not.toBeChecked();
    await expect(page.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => rowIds(page)).toEqual(view);

    // The CSV holds exactly the view's rows, in its order.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export CSV (${expected.length})` }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^invoices-acme-corp-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await bytesOf(csvDownload)).toString('utf8');
    expect(csv.startsWith('\uFEFF'), 'a UTF-8 byte order mark').toBe(true);
    const [header, ...lines] = csv.slice(1).trim().split('\r\n');
    expect(header).toBe('reference,date,status,status_label,currency,amount,invoice_id');
    expect(lines).toEqual(
      expected.map((invoice) =>
        [
          `INV-${invoice.id.replace(/-/g, '').slice(0, 10).toUpperCase()}`,
          invoice.created_at.slice(0, 10),
          invoice.status,
          invoice.status === 'NOT_PAID' ? 'Payment failed' : 'Payment due',
          invoice.currency_code.toUpperCase(),
          (invoice.total_in_cents / 100).toFixed(2),
          invoice.id,
        ].join(','),
      ),
    );

    // Open the first invoice and download its PDF.
    const first = expected[0];
    if (!first) throw new Error('no invoice to open');
    await page.getByRole('table', { name: 'Invoices' }).getByRole('link', { name: `Invoice ${first.id.slice(0, 8)}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Invoice ${first.id.slice(0, 8)}` })).toBeVisible();
    await expect(page.getByText(first.id, { exact: true })).toBeVisible();
    await expectAccessible(page, 'invoice detail');
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const filename = pdfDownload.suggestedFilename();
    expect(filename).toMatch(/^INV-\d{4}-\d{4}\.pdf$/);
    const pdf = await bytesOf(pdfDownload);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(filename.replace('.pdf', ''));
    expect(text).toContain(first.id);
    await expect(page.getByRole('button', { name: 'Download PDF' })).toBeEnabled();

    // Back to the same view.
    await page.getByRole('link', { name: 'Back to invoices' }).click();
    await expect(page).toHaveURL(/status=NOT_PAID%2CPAYMENT_DUE&period=last-year&sort=amount$/);

    // A ZIP of three invoices, picked with a click and a shift-click, holds their three PDFs.
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page.getByText('Showing all 37 invoices')).toBeVisible();
    const table = page.getByRole('table', { name: 'Invoices' });
    const picked = (await rowIds(page)).slice(0, 3);
    await table.getByRole('checkbox', { name: `Select invoice ${picked[0]}` }).click();
    await table.getByRole('checkbox', { name: `Select invoice ${picked[2]}` }).click({ modifiers: ['Shift'] });
    await expect(table.getByRole('checkbox', { name: `Select invoice ${picked[1]}` })).toBeChecked();
    const zipButton = page.getByRole('button', { name: 'Download ZIP (3 selected)' });
    const [zipDownload] = await Promise.all([page.waitForEvent('download'), zipButton.click()]);
    expect(zipDownload.suggestedFilename()).toMatch(/^invoices-acme-corp-selected-3-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = Object.entries(unzipSync(new Uint8Array(await bytesOf(zipDownload))));
    expect(entries.map(([name]) => name)).toHaveLength(3);
    for (const [name, bytes] of entries) {
      expect(name).toMatch(/^INV-\d{4}-\d{4}\.pdf$/);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
    await expect(page.getByText(/Saved invoices-acme-corp-.*\.zip with 3 invoices/)).toBeVisible();

    // Email all: the confirmation names the billing email, and the mail lands in the sandbox outbox.
    await page.getByRole('button', { name: 'Email all invoices' }).click();
    const dialog = page.getByRole('dialog', { name: 'Email all invoices?' });
    await expect(dialog).toContainText('A ZIP of all 37 invoices of Acme Corp will be emailed to billing@acme.test, the billing email.');
    await expectAccessible(page, 'email all invoices dialog');
    await dialog.getByRole('button', { name: 'Email the invoices' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/the invoices are being emailed to billing@acme\.test/)).toBeVisible();
    await expect
      .poll(
        async () => {
          const { body } = await api('billingAcme', '/sandbox/outbox');
          const results = typeof body === 'object' && body !== null && 'results' in body && Array.isArray(body.results) ? body.results : [];
          return results.map((mail: unknown) => (typeof mail === 'object' && mail !== null && 'to' in mail && 'subject' in mail && 'attachments' in mail ? { to: mail.to, subject: mail.subject, files: Array.isArray(mail.attachments) ? mail.attachments.length : 0 } : null));
        },
        { timeout: 30_000 },
      )
      .toContainEqual({ to: 'billing@acme.test', subject: 'Your Acme Corp invoices', files: 1 });
  });

  test('a viewer has no invoices: no navigation entry, no banner, and the URL explains without calling the API', async ({ page, signIn }) => {
    await signIn('viewerAcme');
    const invoiceRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/organization\/[^/]+\/(invoice|downloadInvoices|billingInfo)/.test(request.url())) invoiceRequests.push(request.url());
    });
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByText('$299.00')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Invoices' })).toHaveCount(0);
    await expect(page.getByText(/unpaid invoice/)).toHaveCount(0);
    await page.goto(`/organizations/${ACME}/invoices`);
    await expect(page.getByRole('heading', { name: 'Invoices are not available to your role' })).toBeVisible();
    await expect(page.getByText('You are a viewer in Acme Corp.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    expect(invoiceRequests).toEqual([]);
    await expectAccessible(page, 'invoices as viewer');
  });

  test('a row checkbox keeps the keyboard focus while PageDown scrolls the list far past it', async ({ page, signIn }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/invoices`);
    await expect(page.getByText('Showing all 37 invoices')).toBeVisible();
    const table = page.getByRole('table', { name: 'Invoices' });
    const name = await table.getByRole('row').nth(1).getByRole('checkbox').getAttribute('aria-label');
    const first = table.getByRole('checkbox', { name: name ?? '', exact: true });
    await first.focus();
    for (let press = 0; press < 6; press += 1) await page.keyboard.press('PageDown');
    await expect(table.locator('[role="row"][aria-rowindex="38"]')).toBeInViewport();
    await expect(first).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByText('Showing all 37 invoices · 1 selected')).toBeVisible();
  });

  test('at 375 px the list fits the screen and a failed PDF download recovers', async ({ page, signIn }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn('adminAcme');
    let failPdf = true;
    await page.route(/\/api\/organization\/[^/]+\/invoice\/[^/]+\/download$/, async (route) => {
      if (!failPdf) return route.continue();
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ status: 503, message: 'PDF service unavailable' }) });
    });
    await page.goto(`/organizations/${ACME}/invoices`);
    await expect(page.getByText('Showing all 37 invoices')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the invoice list scrolls sideways').toBeLessThanOrEqual(0);
    const firstRow = page.getByRole('table', { name: 'Invoices' }).getByRole('row').nth(1);
    const pdfButton = firstRow.getByRole('button', { name: /^PDF of invoice [0-9a-f]{8}$/ });
    await pdfButton.click();
    await expect(page.getByRole('alert').filter({ hasText: 'PDF service unavailable' })).toBeVisible();
    await expect(pdfButton).toBeEnabled();
    failPdf = false;
    const [download] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^INV-\d{4}-\d{4}\.pdf$/);
    await expectAccessible(page, 'invoice list at 375 px');
  });
});
