import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unzipSync } from 'fflate';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoiceReference } from '@/api/invoice-reference';
import { Toaster } from '@/components/ui/toast';
import { exportFilename } from '@/lib/save-file';
import { renderRoute, signInAs } from '@/test/render';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { buildInvoiceZip } from './api/invoice-zip';
import { ZipDownload } from './components/zip-download';
import { Component as InvoicesPage } from './invoices-route';

const server = setupSandboxServer();
/** Building a ZIP: the server renders each PDF and the page zips them, seconds on a busy machine. */
const ZIP_TIMEOUT_MS = 10_000;

// jsdom lays nothing out: give the list's scroll box a size so that the virtualizer renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 4000 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});

/** What the browser was asked to save: saveFile's object URL and link click, caught at the browser's edge. */
let saved: Array<{ name: string; blob: Blob }> = [];
beforeEach(() => {
  saved = [];
  server.signInAs('sbx_billing_acme');
  server.answerAsPageOrigin();
  signInAs('sbx_billing_acme', [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role: 'billing_manager' }]);
  const blobs = new Map<string, Blob>();
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: (blob: Blob) => `blob:test/${blobs.set(`blob:test/${blobs.size}`, blob).size - 1}` });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob) saved.push({ name: this.download, blob });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

async function entriesOf(blob: Blob): Promise<string[]> {
  return Object.keys(unzipSync(new Uint8Array(await blob.arrayBuffer())));
}

function renderInvoices() {
  return renderRoute(
    `/organizations/${ORG_IDS.acme}/invoices`,
    '/organizations/:organizationId/invoices',
    <>
      <InvoicesPage />
      <Toaster />
    </>,
  );
}

/** Selects the first `count` rows and returns their invoice ids. */
async function selectFirst(user: ReturnType<typeof userEvent.setup>, count: number): Promise<string[]> {
  await screen.findByText('Showing all 37 invoices');
  const rows = within(screen.getByRole('table', { name: 'Invoices' }))
    .getAllByRole('row')
    .filter((row) => within(row).queryAllByRole('cell').length > 0)
    .slice(0, count);
  const ids: string[] = [];
  for (const row of rows) {
    await user.click(within(row).getByRole('checkbox'));
    ids.push(within(row).getByRole('link').getAttribute('href')?.split('/').pop() ?? '');
  }
  return ids;
}

const linkPath = (id: string) => `/api/organization/${ORG_IDS.acme}/invoice/${id}/download`;

describe('the invoice ZIP', { timeout: 20_000 }, () => {
  it('retries a failed PDF with a fresh link and names the file after the selection', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices();
    const [first = '', second = ''] = await selectFirst(user, 2);
    server.failNext(linkPath(first), 503, 'PDF service unavailable');
    await user.click(screen.getByRole('button', { name: 'Download ZIP (2 selected)' }));
    const filename = exportFilename('invoices', 'Acme Corp', 'zip', { qualifier: 'selected-2' });
    expect(await screen.findByText(`Saved ${filename} with 2 invoices`, {}, { timeout: ZIP_TIMEOUT_MS })).toBeTruthy();
    expect(server.requests().filter((request) => request === `GET ${linkPath(first)}`)).toHaveLength(2);
    expect(server.requests().filter((request) => request === `GET ${linkPath(second)}`)).toHaveLength(1);
    expect(saved.map((file) => file.name)).toEqual([filename]);
    expect(await entriesOf(saved[0]?.blob ?? new Blob())).toHaveLength(2);
  });

  it('offers to save the others when a PDF fails twice, and lists the one skipped', async () => {
    const user = userEvent.setup({ delay: null });
    renderInvoices();
    const [first = ''] = await selectFirst(user, 3);
    server.failNext(linkPath(first), 503, 'PDF service unavailable');
    server.failNext(linkPath(first), 503, 'PDF service unavailable');
    await user.click(screen.getByRole('button', { name: 'Download ZIP (3 selected)' }));
    const alert = (await screen.findByText('1 invoice could not be downloaded, even after a retry:', {}, { timeout: ZIP_TIMEOUT_MS })).closest('[role="alert"]');
    if (!(alert instanceof HTMLElement)) throw new Error('the skipped invoices are not announced');
    expect(alert.textContent).toContain('1 invoice could not be downloaded, even after a retry:');
    expect(within(alert).getByRole('listitem').textContent).toBe(`${invoiceReference(first)}: PDF service unavailable`);
    expect(saved).toEqual([]);
    const save = within(alert).getByRole('button', { name: 'Save the ZIP with 2 invoices' });
    await waitFor(() => expect(document.activeElement).toBe(save));
    await user.click(save);
    expect(await screen.findByText(/^Saved invoices-acme-corp-selected-3-.*\.zip with 2 invoices; 1 skipped$/, {}, { timeout: ZIP_TIMEOUT_MS })).toBeTruthy();
    expect(await entriesOf(saved[0]?.blob ?? new Blob())).toHaveLength(2);
    expect(screen.queryByText('1 invoice could not be downloaded, even after a retry:')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Download ZIP (3 selected)' }));
  });

  it('gives up on a PDF that hangs after its own timeout and tries it again', async () => {
    const ids = [(await selectIdsFromApi())[0] ?? ''];
    const release = server.holdNext(linkPath(ids[0] ?? ''));
    const result = await buildInvoiceZip(ORG_IDS.acme, ids, { signal: new AbortController().signal, onProgress: () => undefined, itemTimeoutMs: 200 });
    release();
    expect(result.saved).toBe(1);
    expect(result.skipped).toEqual([]);
    expect(server.requests().filter((request) => request === `GET ${linkPath(ids[0] ?? '')}`)).toHaveLength(2);
  });

  it('warns before leaving while the ZIP runs, and stays when asked to', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderInvoices();
    const [first = ''] = await selectFirst(user, 1);
    const release = server.holdNext(linkPath(first));
    await user.click(screen.getByRole('button', { name: 'Download ZIP (1 selected)' }));
    await screen.findByRole('progressbar', { name: 'Building the ZIP' });

    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    void router.navigate(`/organizations/${ORG_IDS.acme}/overview`);
    const dialog = await screen.findByRole('dialog', { name: 'Leave while the ZIP is being built?' }, { timeout: 5_000 });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe(`/organizations/${ORG_IDS.acme}/invoices`);
    expect(screen.getByRole('progressbar', { name: 'Building the ZIP' })).toBeTruthy();
    // A filter is no navigation away: it is not held up.
    await user.click(screen.getByRole('checkbox', { name: 'Paid' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=PAID'));
    release();
  });

  it('asks first above 200 invoices, saying what it costs and offering the email instead', async () => {
    const user = userEvent.setup({ delay: null });
    const ids = Array.from({ length: 250 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    const sampleIds = await selectIdsFromApi();
    const { zip: sample } = await buildInvoiceZip(ORG_IDS.acme, sampleIds, { signal: new AbortController().signal, onProgress: () => undefined });
    const before = server.requests().length;
    renderRoute(
      '/zip',
      '/zip',
      <ZipDownload organizationId={ORG_IDS.acme} organizationName="Acme Corp" invoiceIds={ids} qualifier={undefined} label="Download ZIP (250 in view)" />,
    );
    await user.click(screen.getByRole('button', { name: 'Download ZIP (250 in view)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Download 250 invoices as one ZIP?' });
    expect(dialog.textContent).toContain('about 500 requests');
    // The size it predicts is within a factor of two of what a ZIP of real invoice PDFs weighs.
    const realMegabytes = (((sample?.size ?? 0) / sampleIds.length) * ids.length) / (1024 * 1024);
    const predictedMegabytes = Number(/roughly ([\d.]+) MB/.exec(dialog.textContent ?? '')?.[1]);
    expect(predictedMegabytes / realMegabytes).toBeGreaterThan(0.5);
    expect(predictedMegabytes / realMegabytes).toBeLessThan(2);
    expect(dialog.textContent).toContain('Email all invoices sends every invoice to the billing email');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(server.requests().slice(before)).toEqual([]);
  });
});

async function selectIdsFromApi(): Promise<string[]> {
  const { listOrganizationInvoices } = await import('@/api/endpoints');
  const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
  return results.map((invoice) => invoice.id);
}
