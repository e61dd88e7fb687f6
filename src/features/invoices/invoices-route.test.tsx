import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Invoice } from '@/api/contract';
import type { Role } from '@/api/permissions';
import { listOrganizationInvoices } from '@/api/endpoints';
import { invoiceReference } from '@/api/invoice-reference';
import { Toaster } from '@/components/ui/toast';
import { formatBillingDays } from '@/lib/date-format';
import { invoiceTotals } from '@/lib/invoice-totals';
import { formatMinor, sumByCurrency } from '@/lib/money';
import { renderRoute, signInAs } from '@/test/render';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { InvoiceStatusBadge } from './components/invoice-status-badge';
import { InvoiceTable } from './components/invoice-table';
import { Component as InvoicesPage } from './invoices-route';
import { INVOICE_STATUSES } from '@/api/contract';
import { DEFAULT_FILTERS, formatCount } from './invoice-view';

const server = setupSandboxServer();

// jsdom lays nothing out: give the list's scroll box a size so that the virtualizer renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 4000 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});
afterAll(() => {
  Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
  Reflect.deleteProperty(HTMLElement.prototype, 'clientWidth');
});

function renderInvoices(
  search = '',
  {
    organizationId = ORG_IDS.acme,
    token = 'sbx_billing_acme',
    role = 'billing_manager',
    name = 'Acme Corp',
  }: { organizationId?: string; token?: string; role?: Role; name?: string } = {},
) {
  server.signInAs(token);
  signInAs(token, [{ organization_id: organizationId, organization_name: name, role }]);
  return renderRoute(
    `/organizations/${organizationId}/invoices${search}`,
    '/organizations/:organizationId/invoices',
    <>
      <InvoicesPage />
      <Toaster />
    </>,
  );
}

/** The table's data rows (the header row has no cells). */
function rows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Invoices' }))
    .getAllByRole('row')
    .filter((row) => within(row).queryAllByRole('cell').length > 0);
}

function cellTexts(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

/** A totals summary ("In view", "Selected (3)") as its terms and figures: { Paid: '€1,350.00 · $9,876.00', … }. */
function figures(title: string): Record<string, string> {
  const list = screen.getByLabelText(title);
  return Object.fromEntries(
    within(list)
      .getAllByRole('term')
      .map((term) => [term.textContent ?? '', term.nextElementSibling?.textContent ?? '']),
  );
}

/** What finance expects a summary to say, from the API's invoices: each sum per currency over its own statuses only. */
function expectedFigures(invoices: readonly Invoice[]): Record<string, string> {
  const text = (statuses: readonly string[]) =>
    sumByCurrency(
      invoices.filter((invoice) => statuses.includes(invoice.status)),
      (invoice) => ({ currency: invoice.currency_code, minor: invoice.total_in_cents }),
    )
      .map((total) => formatMinor(total.minor, total.currency))
      .join(' · ');
  const all = { Paid: text(['PAID']), Outstanding: text(['NOT_PAID', 'PAYMENT_DUE']), 'Open, not yet due': text(['POSTED']) };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== ''));
}

// Each test renders the real page against the real server app: slower than a unit test on a busy machine.
describe('the invoice list', { timeout: 20_000 }, () => {
  it('shows every Acme invoice with paid, outstanding and open totals per currency, and leaves voided, pending and unknown out', async () => {
    renderInvoices();
    expect(await screen.findByText('Showing all 37 invoices')).toBeTruthy();
    const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
    const shown = figures('In view');
    expect(shown).toEqual(expectedFigures(results));
    expect(Object.keys(shown)).toEqual(['Paid', 'Outstanding', 'Open, not yet due']);
    expect(screen.getByText('Not counted: 1 voided, 1 pending, 1 of unknown status')).toBeTruthy();
    // The seed's voided invoice was reissued for the same amount: counting it would show more paid than was.
    const voided = results.find((invoice) => invoice.status === 'VOIDED');
    if (!voided) throw new Error('Acme has a voided invoice');
    const withVoided = sumByCurrency(
      results.filter((invoice) => invoice.status === 'PAID' || invoice === voided),
      (invoice) => ({ currency: invoice.currency_code, minor: invoice.total_in_cents }),
    );
    expect(shown.Paid).not.toContain(formatMinor(withVoided.find((total) => total.currency === 'USD')?.minor ?? 0, 'USD'));
    const unpaid = sumByCurrency(
      results.filter((invoice) => invoice.status === 'NOT_PAID' || invoice.status === 'PAYMENT_DUE'),
      (invoice) => ({ currency: invoice.currency_code, minor: invoice.total_in_cents }),
    );
    expect(screen.getByText(`3 unpaid invoices: ${unpaid.map((total) => formatMinor(total.minor, total.currency)).join(' · ')}`)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Invoices' });
    expect(table.getAttribute('aria-rowcount')).toBe('38');
    expect(rows()[0]?.getAttribute('aria-rowindex')).toBe('2');
  });

  it('adds nothing up for voided invoices, in view or selected, and says how many it left out', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices('?status=VOIDED');
    expect(await screen.findByText('Showing 1 of 37 invoices')).toBeTruthy();
    expect(screen.getByText('Nothing to add up')).toBeTruthy();
    expect(screen.getByText('Not counted: 1 voided')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Select all 1 invoice in view' }));
    expect(screen.getByText('Selected (1)')).toBeTruthy();
    expect(screen.getAllByText('Nothing to add up')).toHaveLength(2);
    expect(screen.getAllByText('Not counted: 1 voided')).toHaveLength(2);
    expect(screen.queryByRole('term')).toBeNull();
  });

  it('reads the overview’s unpaid link: only failed and due invoices, with their filters checked', async () => {
    renderInvoices('?status=NOT_PAID%2CPAYMENT_DUE');
    expect(await screen.findByText('Showing 3 of 37 invoices')).toBeTruthy();
    expect(rows()).toHaveLength(3);
    for (const row of rows()) expect(cellTexts(row).join(' ')).toMatch(/Payment failed|Payment due/);
    expect(screen.getByRole('checkbox', { name: 'Payment failed' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Payment due' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Paid' })).toHaveProperty('checked', false);
    expect(screen.queryByRole('button', { name: 'Show unpaid invoices' })).toBeNull();
  });

  it('filters to unpaid invoices in one click and writes it to the URL', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderInvoices('?sort=amount');
    await user.click(await screen.findByRole('button', { name: 'Show unpaid invoices' }));
    expect(await screen.findByText('Showing 3 of 37 invoices')).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe('?status=NOT_PAID%2CPAYMENT_DUE&sort=amount'));
  });

  it('sorts by amount, largest first then smallest first, and keeps the sort in the URL', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
    const amounts = results.map((invoice) => invoice.total_in_cents);

    await user.click(screen.getByRole('button', { name: 'Amount' }));
    const header = screen.getByRole('columnheader', { name: 'Amount' });
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=amount'));
    const largest = results.find((invoice) => invoice.total_in_cents === Math.max(...amounts));
    expect(cellTexts(rows()[0] ?? document.body)).toContain(formatMinor(largest?.total_in_cents ?? 0, largest?.currency_code ?? 'USD'));

    await user.click(screen.getByRole('button', { name: 'Amount' }));
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('ascending'));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=amount&dir=asc'));
    const smallest = results.find((invoice) => invoice.total_in_cents === Math.min(...amounts));
    expect(cellTexts(rows()[0] ?? document.body)).toContain(formatMinor(smallest?.total_in_cents ?? 0, smallest?.currency_code ?? 'USD'));
    expect(screen.getByRole('columnheader', { name: 'Date' }).getAttribute('aria-sort')).toBe('none');
  });

  it('narrows the list while the user types a reference, and the URL follows', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    const third =
      within(rows()[2] ?? document.body)
        .getByRole('link')
        .textContent?.replace('Invoice ', '') ?? '';
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), third);
    expect(await screen.findByText('Showing 1 of 37 invoices')).toBeTruthy();
    expect(within(rows()[0] ?? document.body).getByRole('link').textContent).toContain(third);
    await waitFor(() => expect(router.state.location.search).toBe(`?q=${third}`));
  });

  it('keeps the keyboard focus on the page when the button used disappears', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    const status = screen.getByText('Showing all 37 invoices');
    await user.click(screen.getByRole('button', { name: 'Show unpaid invoices' }));
    expect(await screen.findByText('Showing 3 of 37 invoices')).toBeTruthy();
    expect(document.activeElement).toBe(status);

    await user.click(within(rows()[0] ?? document.body).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('button', { name: 'Clear selection' })).toBeNull();
    expect(document.activeElement).toBe(status);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Showing all 37 invoices')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search' }));
  });

  it('explains an empty result and clears the filters', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderInvoices('?q=zzzz-no-such&status=VOIDED');
    expect(await screen.findByText('No invoices match these filters')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] ?? document.body);
    expect(await screen.findByText('Showing all 37 invoices')).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveProperty('value', '');
  });

  it('reports a custom range that ends before it starts, on the field', async () => {
    renderInvoices('?period=custom&from=2025-02-01&to=2025-01-01');
    const to = await screen.findByLabelText('To');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The start date is after the end date.').id).toBe(to.getAttribute('aria-describedby'));
    expect(screen.getByText('Showing 0 of 37 invoices')).toBeTruthy();
    expect(screen.getByText('The custom range ends before it starts: change From or To.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export CSV (0)' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: /^Download ZIP/ })).toHaveProperty('disabled', true);
  });

  it('selects a range with Shift and everything in view with the header checkbox', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    const boxes = () => rows().map((row) => within(row).getByRole('checkbox'));
    await user.click(boxes()[1] ?? document.body);
    await user.keyboard('{Shift>}');
    await user.click(boxes()[4] ?? document.body);
    await user.keyboard('{/Shift}');
    expect(
      boxes()
        .map((box) => (box instanceof HTMLInputElement ? box.checked : null))
        .slice(0, 6),
    ).toEqual([false, true, true, true, true, false]);
    expect(screen.getByText('Showing all 37 invoices · 4 selected')).toBeTruthy();
    expect(screen.getByText('Selected (4)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download ZIP (4 selected)' })).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: 'Select all 37 invoices in view' }));
    expect(screen.getByRole('button', { name: 'Download ZIP (37 selected)' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Select all 37 invoices in view' }));
    expect(screen.getByRole('button', { name: 'Download ZIP (37 in view)' })).toBeTruthy();
  });

  it('keeps the focused row rendered when the list scrolls far past it', async () => {
    // A short scroll box: only a dozen rows exist at a time.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 300 });
    try {
      const user = userEvent.setup({ delay: null });
      renderInvoices();
      await screen.findByText('Showing all 37 invoices');
      const box = within(rows()[0] ?? document.body).getByRole('checkbox');
      await user.click(box);
      expect(document.activeElement).toBe(box);
      const scroller = screen.getByRole('table', { name: 'Invoices' }).firstElementChild;
      if (!(scroller instanceof HTMLElement)) throw new Error('no scroll box');
      Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 1500 });
      fireEvent.scroll(scroller);
      await waitFor(() => expect(rows().some((row) => row.getAttribute('aria-rowindex') === '3')).toBe(false));
      expect(rows().map((row) => row.getAttribute('aria-rowindex'))).toContain('2');
      expect(box.isConnected).toBe(true);
      expect(document.activeElement).toBe(box);
    } finally {
      Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 4000 });
    }
  });

  it('totals the selection per currency and says when filters hide selected invoices', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
    const byReference = new Map(results.map((invoice) => [invoiceReference(invoice.id), invoice]));
    const status = screen.getByText(/^Showing all 37 invoices/);
    const picked = rows()
      .slice(0, 3)
      .map((row) => byReference.get(within(row).getByRole('link').textContent?.replace('Invoice ', '') ?? ''));
    for (const row of rows().slice(0, 3)) await user.click(within(row).getByRole('checkbox'));
    expect(status.textContent).toBe('Showing all 37 invoices · 3 selected');
    const pickedInvoices = picked.filter((invoice) => invoice !== undefined);
    expect(pickedInvoices).toHaveLength(3);
    expect(figures('Selected (3)')).toEqual(expectedFigures(pickedInvoices));
    expect(invoiceTotals(pickedInvoices).paid.length + invoiceTotals(pickedInvoices).outstanding.length + invoiceTotals(pickedInvoices).open.length).toBeGreaterThan(0);

    // Hide them with a status they do not have: they stay selected, and the page says so.
    const hiding =
      ['PAID', 'VOIDED', 'NOT_PAID', 'PAYMENT_DUE', 'POSTED', 'PENDING', 'UNKNOWN'].find((candidate) => picked.every((invoice) => invoice?.status !== candidate)) ?? 'UNKNOWN';
    await router.navigate(`?status=${hiding}`);
    await waitFor(() => expect(status.textContent).toMatch(/· 0 selected \(3 hidden by filters\)$/));
    await user.click(screen.getByRole('button', { name: 'Unselect hidden (3)' }));
    expect(status.textContent).not.toContain('selected');
    expect(document.activeElement).toBe(status);
  });

  it('shows the ZIP’s progress and cancels it without saving anything', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    const idOf = (index: number) =>
      within(rows()[index] ?? document.body)
        .getByRole('link')
        .getAttribute('href')
        ?.split('/')
        .pop() ?? '';
    const releases = [0, 1].map((index) => server.holdNext(`/api/organization/${ORG_IDS.acme}/invoice/${idOf(index)}/download`));
    await user.click(within(rows()[0] ?? document.body).getByRole('checkbox'));
    await user.click(within(rows()[1] ?? document.body).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Download ZIP (2 selected)' }));
    const progress = await screen.findByRole('progressbar', { name: 'Building the ZIP' });
    expect(progress.getAttribute('aria-valuemax')).toBe('2');
    expect(progress.getAttribute('aria-valuenow')).toBe('0');
    expect(progress.getAttribute('aria-valuetext')).toBe('0 of 2 invoices');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel ZIP' })));
    await user.click(screen.getByRole('button', { name: 'Cancel ZIP' }));
    expect(await screen.findByText('ZIP download cancelled: nothing was saved.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    const zipButton = screen.getByRole('button', { name: 'Download ZIP (2 selected)' });
    expect(zipButton).toHaveProperty('disabled', false);
    await waitFor(() => expect(document.activeElement).toBe(zipButton));
    for (const release of releases) release();
  });

  it('refuses a PDF link that is neither https nor on this site, and cannot zip it either', async () => {
    // The in-process server signs its links for http://localhost, another origin than the page's
    // (http://localhost:3000): exactly what a tampered answer would look like.
    const user = userEvent.setup({ delay: null });
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    try {
      renderInvoices();
      await screen.findByText('Showing all 37 invoices');
      const row = rows()[0] ?? document.body;
      const id = within(row).getByRole('link').getAttribute('href')?.split('/').pop() ?? '';
      await user.click(within(row).getByRole('button', { name: `PDF of invoice ${invoiceReference(id)}` }));
      expect(
        await screen.findByText(
          `Could not download invoice ${invoiceReference(id)}: The server sent a download link that is neither https nor on this site, so it was not opened.`,
        ),
      ).toBeTruthy();
      expect(open).not.toHaveBeenCalled();

      await user.click(within(row).getByRole('checkbox'));
      await user.click(screen.getByRole('button', { name: 'Download ZIP (1 selected)' }));
      expect(await screen.findByText(/^The ZIP was not saved: invoice INV-[0-9A-F]{10} could not be downloaded: The server sent a download link/)).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Download ZIP (1 selected)' })).toHaveProperty('disabled', false);
    } finally {
      open.mockRestore();
    }
  });

  it('remembers a PDF download when its row is redrawn, and does not start it twice', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    const id =
      within(rows()[0] ?? document.body)
        .getByRole('link')
        .getAttribute('href')
        ?.split('/')
        .pop() ?? '';
    const path = `/api/organization/${ORG_IDS.acme}/invoice/${id}/download`;
    const release = server.holdNext(path);
    const name = `PDF of invoice ${invoiceReference(id)}`;
    await user.click(screen.getByRole('button', { name }));
    await waitFor(() => expect(screen.getByRole('button', { name }).getAttribute('aria-busy')).toBe('true'));
    // A new sort moves the invoice to another row: its button is a new one.
    await user.click(screen.getByRole('button', { name: 'Amount' }));
    await waitFor(() => expect(rows()[0] && within(rows()[0] ?? document.body).queryByRole('button', { name })).toBeNull());
    const moved = screen.getByRole('button', { name });
    expect(moved.getAttribute('aria-busy')).toBe('true');
    await user.click(moved);
    release();
    expect(await screen.findByText(new RegExp(`^Could not download invoice ${invoiceReference(id)}`))).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name }).getAttribute('aria-busy')).toBeNull());
    expect(server.requests().filter((request) => request === `GET ${path}`)).toHaveLength(1);
  });

  it('says why a PDF could not be downloaded and gives the button back', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    const row = rows()[0] ?? document.body;
    const id = within(row).getByRole('link').getAttribute('href')?.split('/').pop() ?? '';
    server.failNext(`/api/organization/${ORG_IDS.acme}/invoice/${id}/download`, 503, 'PDF service unavailable');
    const button = within(row).getByRole('button', { name: `PDF of invoice ${invoiceReference(id)}` });
    await user.click(button);
    expect(await screen.findByText(`Could not download invoice ${invoiceReference(id)}: PDF service unavailable`)).toBeTruthy();
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    expect(button.getAttribute('aria-busy')).toBeNull();
  });

  it('recovers from a failed load with Retry', async () => {
    const user = userEvent.setup({ delay: null });
    server.failNext(`/api/organization/${ORG_IDS.acme}/invoice`, 503, 'Invoice service unavailable');
    renderInvoices();
    expect(await screen.findByText('Invoice service unavailable')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Showing all 37 invoices')).toBeTruthy();
  });

  it('keeps the loaded list on screen when a background refresh fails', async () => {
    const { queryClient } = renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    server.failNext(`/api/organization/${ORG_IDS.acme}/invoice`, 503, 'Invoice service unavailable');
    await queryClient.refetchQueries();
    await waitFor(() =>
      expect(
        queryClient
          .getQueryCache()
          .getAll()
          .some((query) => query.state.status === 'error'),
      ).toBe(true),
    );
    expect(screen.getByText('Showing all 37 invoices')).toBeTruthy();
    expect(screen.queryByText('Could not load the invoices')).toBeNull();
    expect(rows().length).toBeGreaterThan(0);
  });

  it('moves “this month” to the billing calendar’s new month when the user comes back to the tab', async () => {
    renderInvoices('?period=this-month');
    await screen.findByText(/^Showing \d+ of 37 invoices$/);
    const hint = () =>
      screen
        .getByLabelText('Period')
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
    // The test clock is March 31, 23:30 UTC: already April 1 east of UTC+0:30, still March here.
    expect(hint()).toBe(formatBillingDays(new Date(Date.UTC(2026, 2, 1)), new Date(Date.UTC(2026, 2, 31))));
    vi.setSystemTime(new Date(Date.UTC(2026, 3, 1, 0, 30)));
    act(() => {
      window.dispatchEvent(new FocusEvent('focus'));
    });
    expect(hint()).toBe(formatBillingDays(new Date(Date.UTC(2026, 3, 1)), new Date(Date.UTC(2026, 3, 30))));
  });

  it('tells a viewer who can see invoices, without asking the API for them', async () => {
    renderInvoices('', { token: 'sbx_viewer_acme', role: 'viewer' });
    expect(await screen.findByRole('heading', { name: 'Invoices are not available to your role' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Email all invoices' })).toBeNull();
    expect(server.requests().filter((request) => request.includes('/invoice') || request.includes('/billingInfo'))).toEqual([]);
  });
});

describe('the table and its badges', () => {
  it('counts a large view in the select-all label the way the page does', () => {
    const many = Array.from({ length: 1_234 }, (_, index) => ({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      created_at: '2025-01-01T00:00:00.000Z',
      status: 'PAID' as const,
      total_in_cents: 100,
      total: 1,
      currency_code: 'USD',
    }));
    renderRoute(
      '/list',
      '/list',
      <InvoiceTable
        organizationId={ORG_IDS.acme}
        invoices={many}
        filters={DEFAULT_FILTERS}
        onSort={() => undefined}
        selected={new Set()}
        onSelect={() => undefined}
        onSelectAll={() => undefined}
        linkState={null}
      />,
    );
    expect(screen.getByRole('checkbox', { name: `Select all ${formatCount(1_234)} invoices in view` })).toBeTruthy();
    expect(formatCount(1_234)).not.toBe('1234');
  });

  it('gives each of the seven statuses its own look, and reads out only its label', () => {
    const looks = INVOICE_STATUSES.map((status) => {
      const { container, unmount } = render(<InvoiceStatusBadge status={status} />);
      const badge = container.firstElementChild;
      const look = `${badge?.className ?? ''}|${badge?.querySelector('[aria-hidden="true"]')?.textContent ?? ''}`;
      expect(badge?.querySelector(':not([aria-hidden="true"])')?.textContent).toBeTruthy();
      unmount();
      return look;
    });
    expect(new Set(looks).size).toBe(7);
  });
});

describe('email all invoices', { timeout: 20_000 }, () => {
  it('cannot be confirmed while the billing email is still being looked up', async () => {
    const user = userEvent.setup({ delay: null });
    const release = server.holdNext(`/api/organization/${ORG_IDS.acme}/billingInfo`);
    renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    await user.click(screen.getByRole('button', { name: 'Email all invoices' }));
    const dialog = await screen.findByRole('dialog', { name: 'Email all invoices?' });
    expect(dialog.textContent).toContain('Looking up the billing email…');
    expect(within(dialog).getByRole('button', { name: 'Email the invoices' })).toHaveProperty('disabled', true);
    release();
    await waitFor(() => expect(dialog.textContent).toContain('billing@acme.test'));
    expect(within(dialog).getByRole('button', { name: 'Email the invoices' })).toHaveProperty('disabled', false);
  });

  it('confirms the billing email it goes to, then reports the accepted request', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    await user.click(screen.getByRole('button', { name: 'Email all invoices' }));
    const dialog = await screen.findByRole('dialog', { name: 'Email all invoices?' });
    await waitFor(() => expect(dialog.textContent).toContain('A ZIP of all 37 invoices of Acme Corp will be emailed to billing@acme.test, the billing email.'));
    await user.click(within(dialog).getByRole('button', { name: 'Email the invoices' }));
    expect(await screen.findByText(/the invoices are being emailed to billing@acme\.test/)).toBeTruthy();
    expect(server.requests()).toContain(`POST /api/organization/${ORG_IDS.acme}/downloadInvoices`);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('keeps the dialog open with the reason when the request fails', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices();
    await screen.findByText('Showing all 37 invoices');
    server.failNext(`/api/organization/${ORG_IDS.acme}/downloadInvoices`, 429, 'Too many requests: try again in a minute');
    await user.click(screen.getByRole('button', { name: 'Email all invoices' }));
    const dialog = await screen.findByRole('dialog', { name: 'Email all invoices?' });
    await user.click(within(dialog).getByRole('button', { name: 'Email the invoices' }));
    expect(await within(dialog).findByText('The request was not sent: Too many requests: try again in a minute')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Email the invoices' })).toHaveProperty('disabled', false);
  });

  it('names the owner when there is no billing email, and says an empty organization has no invoices yet', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices('', { organizationId: ORG_IDS.globex, token: 'sbx_admin_globex', role: 'admin', name: 'Globex' });
    expect(await screen.findByText('No invoices yet')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Email all invoices' }));
    const dialog = await screen.findByRole('dialog', { name: 'Email all invoices?' });
    await waitFor(() => expect(dialog.textContent).toContain('will be emailed to admin@globex.test, the organization owner’s email, because no billing email is set.'));
    expect(within(dialog).getByRole('link', { name: 'billing details' })).toBeTruthy();
  });
});
