import type { APIRequestContext, Browser, Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { invoiceReference } from '../src/api/invoice-reference';
import { minorToDecimal } from '../src/lib/money';
import { pdfText } from '../server/test/pdf-text';
import { ACME, expect, expectAccessible, test, USERS, type DemoUser } from './fixtures';

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

/** The value a PDF prints after a label ("Invoice date" -> "March 7, 2026"): the PDF draws each as its own string. */
function pdfValue(text: string, label: string): string | undefined {
  const lines = text.split('\n');
  const at = lines.indexOf(label);
  return at < 0 ? undefined : lines[at + 1];
}

/** The sandbox's clock (`time` of /api/health): what "last year" is counted from, whatever day the tests run. */
async function serverNow(request: APIRequestContext, baseURL: string | undefined): Promise<Date> {
  const health: unknown = await (await request.get(`${baseURL}/api/health`)).json();
  if (typeof health !== 'object' || health === null || !('time' in health) || typeof health.time !== 'string') throw new Error('unexpected /api/health answer');
  return new Date(health.time);
}

/** A page in a browser context of its own (another time zone), signed in the way the console stores a session. */
async function pageIn(browser: Browser, request: APIRequestContext, baseURL: string | undefined, user: DemoUser, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, timezoneId, locale: 'en-US' });
  const { token } = USERS[user];
  const session: unknown = await (await request.get(`${baseURL}/sandbox/session`, { headers: { Authorization: `Token ${token}` } })).json();
  if (typeof session !== 'object' || session === null || !('user' in session) || !('memberships' in session)) throw new Error('unexpected /sandbox/session answer');
  const stored = JSON.stringify({ scheme: 'Token', token, sandbox: true, user: session.user, memberships: session.memberships });
  await context.addInitScript((value) => window.sessionStorage.setItem('billing-console.session', value), stored);
  return context.newPage();
}

/** An invoice's billing date (its UTC calendar day) as a locale writes it in full: "March 7, 2026", "7 mars 2026". */
function billingDateIn(locale: string, instant: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(instant));
}

/** The calendar date an instant falls on in a time zone, YYYY-MM-DD. */
function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** References of the table's rows, top to bottom (every row is rendered for a short list). */
async function rowIds(page: Page): Promise<string[]> {
  const links = page.getByRole('table', { name: 'Invoices' }).getByRole('row').getByRole('link');
  return (await links.allTextContents()).map((text) => text.replace('Invoice', '').trim());
}

test.describe('invoices', () => {
  test('finance finds last year’s unpaid invoices, reads one, downloads it, exports the view and emails them all', async ({ page, signIn, api, request, baseURL }) => {
    test.setTimeout(120_000);
    await signIn('billingAcme');
    const listed = await api('billingAcme', `/api/organization/${ACME}/invoice`);
    if (!isInvoiceList(listed.body)) throw new Error('unexpected invoice list');
    const invoices = listed.body.results;

    // The overview's billing health lists the unpaid invoices and links to them.
    await page.goto(`/organizations/${ACME}/overview`);
    const due = page
      .getByRole('region', { name: 'Billing health' })
      .getByRole('listitem')
      .filter({ hasText: /^2 invoices awaiting payment/ });
    await expect(due).toBeVisible();
    await due.getByRole('link', { name: 'See unpaid invoices' }).click();
    await expect(page).toHaveURL(/\/invoices\?status=NOT_PAID%2CPAYMENT_DUE$/);
    await expect(page.getByText('Showing 3 of 37 invoices')).toBeVisible();

    // Last year of the billing calendar (UTC), counted from the sandbox's clock.
    const year = (await serverNow(request, baseURL)).getUTCFullYear() - 1;
    const expected = invoices
      .filter((invoice) => ['NOT_PAID', 'PAYMENT_DUE'].includes(invoice.status) && invoice.created_at.startsWith(`${year}-`))
      .sort((a, b) => b.total_in_cents - a.total_in_cents || Date.parse(b.created_at) - Date.parse(a.created_at));
    expect(expected.length, 'Acme has a PAYMENT_DUE invoice in the previous calendar year').toBeGreaterThan(0);
    await page.getByLabel('Period').selectOption({ label: 'Last year' });
    await expect(page.getByText(new RegExp(`^Jan 1\\s*–\\s*Dec 31, ${year}$`))).toBeVisible();
    await page.getByRole('button', { name: 'Amount' }).click();
    await expect(page.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/status=NOT_PAID%2CPAYMENT_DUE&period=last-year&sort=amount$/);
    const view = expected.map((invoice) => invoiceReference(invoice.id));
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

    // The CSV holds exactly the view's rows, in its order: the references the list shows, the UTC
    // billing dates, amounts in units; with a comma, then with the semicolon a French Excel expects.
    const csvRows = (separator: string) =>
      expected.map((invoice) =>
        [
          invoiceReference(invoice.id),
          invoice.created_at.slice(0, 10),
          invoice.status,
          invoice.status === 'NOT_PAID' ? 'Payment failed' : 'Payment due',
          invoice.currency_code.toUpperCase(),
          separator === ';' ? minorToDecimal(invoice.total_in_cents, invoice.currency_code).replace('.', ',') : minorToDecimal(invoice.total_in_cents, invoice.currency_code),
          invoice.id,
        ].join(separator),
      );
    for (const [separator, label] of [
      [',', 'Comma (,)'],
      [';', 'Semicolon (;)'],
    ] as const) {
      await page.getByLabel('CSV separator').selectOption({ label });
      const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export CSV (${expected.length})` }).click()]);
      expect(csvDownload.suggestedFilename()).toMatch(new RegExp(`^invoices-acme-corp-filtered-${expected.length}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const csv = (await bytesOf(csvDownload)).toString('utf8');
      expect(csv.startsWith('\uFEFF'), 'a UTF-8 byte order mark').toBe(true);
      const [header, ...lines] = csv.slice(1).trim().split('\r\n');
      expect(header).toBe(['reference', 'date', 'status', 'status_label', 'currency', 'amount', 'invoice_id'].join(separator));
      expect(lines).toEqual(csvRows(separator));
    }

    // Open the first invoice and download its PDF: the same reference, the same date (in French:
    // Acme is billed in France, and documents speak the billing country's language).
    const first = expected[0];
    if (!first) throw new Error('no invoice to open');
    const reference = invoiceReference(first.id);
    await page
      .getByRole('table', { name: 'Invoices' })
      .getByRole('link', { name: `Invoice ${reference}` })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: `Invoice ${reference}` })).toBeVisible();
    await expect(page.getByText(first.id, { exact: true })).toBeVisible();
    await expectAccessible(page, 'invoice detail');
    const shownDate = await page.locator('dd time').textContent();
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const filename = pdfDownload.suggestedFilename();
    expect(filename).toBe(`${reference}.pdf`);
    const pdf = await bytesOf(pdfDownload);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(reference);
    expect(text).toContain(first.id);
    expect(shownDate).toBe(billingDateIn('en-US', first.created_at));
    expect(pdfValue(text, 'Date de facture')).toBe(billingDateIn('fr-FR', first.created_at));
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
    expect(entries.map(([name]) => name).sort()).toEqual(picked.map((shown) => `${shown}.pdf`).sort());
    for (const [, bytes] of entries) {
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
    await expect(page.getByText(/Saved invoices-acme-corp-.*\.zip with 3 invoices/)).toBeVisible();
    // The CSV follows the selection too.
    const [selectedCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV (3 selected)' }).click()]);
    expect(selectedCsv.suggestedFilename()).toMatch(/^invoices-acme-corp-selected-3-\d{4}-\d{2}-\d{2}\.csv$/);
    const selectedLines = (await bytesOf(selectedCsv)).toString('utf8').slice(1).trim().split('\r\n').slice(1);
    expect(selectedLines.map((line) => line.split(/[,;]/)[0])).toEqual(picked);

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
          return results.map((mail: unknown) =>
            typeof mail === 'object' && mail !== null && 'to' in mail && 'subject' in mail && 'attachments' in mail
              ? { to: mail.to, subject: mail.subject, files: Array.isArray(mail.attachments) ? mail.attachments.length : 0 }
              : null,
          );
        },
        { timeout: 30_000 },
      )
      // In French: Acme is billed in France.
      .toContainEqual({ to: 'billing@acme.test', subject: 'Vos factures Acme Corp', files: 1 });
  });

  test('at a year end in Kiritimati (UTC+14), under a fake clock, “this year” is the billing calendar’s', async ({ browser, request, baseURL }) => {
    const page = await pageIn(browser, request, baseURL, 'billingAcme', 'Pacific/Kiritimati');
    try {
      // Already next year in Kiritimati, not yet in the billing calendar (UTC). Playwright's clock
      // replaces Date, which once cost the calendar its UTC arithmetic (billing-calendar.ts).
      const year = (await serverNow(request, baseURL)).getUTCFullYear();
      await page.clock.setFixedTime(new Date(Date.UTC(year, 11, 31, 23, 30)));
      await page.goto(`/organizations/${ACME}/invoices?period=this-year`);
      await expect(page.getByText(new RegExp(`^Jan 1\\s*–\\s*Dec 31, ${year}$`))).toBeVisible();
    } finally {
      await page.context().close();
    }
  });

  test('an invoice shows the same date in Los Angeles and in Auckland, the date on its PDF', async ({ browser, request, baseURL, api }) => {
    test.setTimeout(60_000);
    const listed = await api('billingAcme', `/api/organization/${ACME}/invoice`);
    if (!isInvoiceList(listed.body)) throw new Error('unexpected invoice list');
    // One whose instant falls on different calendar days in the two zones (the seed issues Acme's
    // monthly invoices at 06:00 UTC: the evening before in Los Angeles, the evening of in Auckland),
    // so that showing a local date instead of the billing date would show two different dates.
    const invoice = listed.body.results.find(
      (candidate) => candidate.status === 'PAID' && dayIn(candidate.created_at, 'America/Los_Angeles') !== dayIn(candidate.created_at, 'Pacific/Auckland'),
    );
    if (!invoice) throw new Error('no invoice on different days in Los Angeles and Auckland');
    const reference = invoiceReference(invoice.id);
    const billingDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(invoice.created_at));
    const listDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(invoice.created_at));

    const shown: Record<string, { list: string | null; detail: string | null }> = {};
    let pdfDate: string | undefined;
    for (const timezoneId of ['America/Los_Angeles', 'Pacific/Auckland']) {
      const page = await pageIn(browser, request, baseURL, 'billingAcme', timezoneId);
      try {
        expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
        await page.goto(`/organizations/${ACME}/invoices?q=${reference}`);
        const row = page
          .getByRole('table', { name: 'Invoices' })
          .getByRole('row')
          .filter({ has: page.getByRole('link', { name: `Invoice ${reference}` }) });
        await expect(row).toHaveCount(1);
        const list = await row.locator('time').textContent();
        await row.getByRole('link', { name: `Invoice ${reference}` }).click();
        await expect(page.getByRole('heading', { level: 1, name: `Invoice ${reference}` })).toBeVisible();
        shown[timezoneId] = { list, detail: await page.locator('dd time').textContent() };
        if (pdfDate === undefined) {
          const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
          // In French: Acme is billed in France.
          pdfDate = pdfValue(pdfText(await bytesOf(download)), 'Date de facture');
        }
      } finally {
        await page.context().close();
      }
    }
    expect(shown).toEqual({
      'America/Los_Angeles': { list: listDate, detail: billingDate },
      'Pacific/Auckland': { list: listDate, detail: billingDate },
    });
    expect(pdfDate).toBe(billingDateIn('fr-FR', invoice.created_at));
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

  test('Back undoes one change at a time, a search included, and a page opened right after a sort keeps its own address', async ({ page, signIn }) => {
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/invoices`);
    await expect(page.getByText('Showing all 37 invoices')).toBeVisible();
    await page.getByLabel('Period').selectOption({ label: 'Last year' });
    await expect(page).toHaveURL(/\/invoices\?period=last-year$/);
    // A search typed after it is a step of its own: Back returns to "last year" before the search.
    await page.getByRole('searchbox', { name: 'Search' }).fill('540');
    await expect(page).toHaveURL(/\/invoices\?period=last-year&q=540$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/invoices\?period=last-year$/);
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    await page.goBack();
    await expect(page).toHaveURL(/\/invoices$/);
    await expect(page.getByText('Showing all 37 invoices')).toBeVisible();

    // A sort, then at once another page: that page opens at its own address, and Back returns to the sorted list.
    // Clicked as a screen reader does (a click without a press), one right after the other.
    const usage = page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Usage reports' });
    await usage.waitFor();
    await page.getByRole('button', { name: 'Amount' }).evaluate((button) => {
      if (button instanceof HTMLElement) button.click();
    });
    await usage.evaluate((link) => {
      if (link instanceof HTMLElement) link.click();
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Usage reports' })).toBeVisible();
    await expect(page).toHaveURL(/\/usage$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/invoices\?sort=amount$/);
    await expect(page.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'descending');
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

  test('the selection outlives a look at one invoice, and Back', async ({ page, signIn }) => {
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/invoices?status=PAID`);
    await expect(page.getByText(/^Showing \d+ of 37 invoices$/)).toBeVisible();
    const table = page.getByRole('table', { name: 'Invoices' });
    const [first = '', second = ''] = await rowIds(page);
    await table.getByRole('checkbox', { name: `Select invoice ${first}` }).click();
    await table.getByRole('checkbox', { name: `Select invoice ${second}` }).click();
    await expect(page.getByText(/· 2 selected$/)).toBeVisible();
    await table.getByRole('link', { name: second }).click();
    await page.getByRole('link', { name: 'Back to invoices' }).click();
    await expect(page.getByText(/· 2 selected$/)).toBeVisible();
    await table.getByRole('link', { name: first }).click();
    await page.goBack();
    await expect(page.getByText(/· 2 selected$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export CSV (2 selected)' })).toBeVisible();
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
    const pdfButton = firstRow.getByRole('button', { name: /^PDF of invoice INV-[0-9A-F]{10}$/ });
    await pdfButton.click();
    await expect(page.getByRole('alert').filter({ hasText: 'PDF service unavailable' })).toBeVisible();
    await expect(pdfButton).toBeEnabled();
    failPdf = false;
    const [download] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^INV-[0-9A-F]{10}\.pdf$/);
    await expectAccessible(page, 'invoice list at 375 px');
  });

  test('when the notifications’ code cannot load, the page stays as it was and the message shows once it can', async ({ page, signIn }) => {
    await signIn('adminAcme');
    // Offline for the toaster's code only (its stylesheet, which its chunk waits for).
    let offline = true;
    await page.route(/\/assets\/toast-regions-[^/]+\.css$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.route(/\/api\/organization\/[^/]+\/invoice\/[^/]+\/download$/, (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ status: 503, message: 'PDF service unavailable' }) }),
    );
    await page.goto(`/organizations/${ACME}/invoices`);
    await page.getByRole('checkbox', { name: 'Payment due' }).check();
    const rows = page.getByRole('table', { name: 'Invoices' }).getByRole('row');
    const pdfButtons = [1, 2].map((row) => rows.nth(row).getByRole('button', { name: /^PDF of invoice INV-[0-9A-F]{10}$/ }));
    const references = await Promise.all(pdfButtons.map(async (button) => (await button.getAttribute('aria-label'))?.replace('PDF of invoice ', '') ?? ''));
    const failure = (reference: string) => page.getByRole('alert').filter({ hasText: reference }).filter({ hasText: 'PDF service unavailable' });
    await pdfButtons[0]?.click();
    await expect(pdfButtons[0]!).toBeEnabled();
    // Before, the failed load took the whole page down: a blank screen, the filter lost.
    await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Payment due' })).toBeChecked();
    await expect(failure(references[0] ?? '')).toHaveCount(0);

    offline = false;
    await pdfButtons[1]?.click();
    // The message that waited, and the new one.
    await expect(failure(references[0] ?? '')).toBeVisible();
    await expect(failure(references[1] ?? '')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Payment due' })).toBeChecked();
  });
});
