import { chromium, type CDPSession, type Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { invoiceListSchema } from '#api/contract';
import { ORG_IDS } from '../db/seed';
import { BARE_PAGE_PATH, bareInvoicePage } from './bare-invoice-page';
import { median, wholeNumberOptions } from './bench-support';
import { chromiumExecutable, demoSession, serveBuiltConsole } from './built-console';

/**
 * `npm run bench:invoices [-- --invoices 10000 --runs 5]`: seeds a temporary database with Initech's
 * invoices, serves the built console, opens Initech's invoice list in Chromium as its billing manager
 * and reports, measured inside the page with performance.now(): the time to the first rows (from
 * navigation start), and how long a sort and a filter take from the click (or keystroke) until the
 * DOM shows the new first row, then until the next frame. Each figure stands next to the same one
 * for a bare static page (bare-invoice-page.ts) measured in the same run, with their ratio. A
 * benchmark, not a test: it asserts nothing.
 * Needs `npm run build` first.
 */
const { invoices: invoiceCount, runs } = wholeNumberOptions({ invoices: 10_000, runs: 5 });
const seeded = performance.now();
const consoleServer = await serveBuiltConsole({ largeOrgInvoices: invoiceCount }, bareInvoicePage);
const { base } = consoleServer;
process.stdout.write(`Seeded Initech with ${invoiceCount} invoices and started the console in ${Math.round(performance.now() - seeded)} ms.\n`);

const token = 'sbx_billing_acme';
const stored = await demoSession(base, token);

// A search for part of one invoice's id, picked from the middle of the list.
const listResponse = await fetch(`${base}/api/organization/${ORG_IDS.initech}/invoice`, { headers: { Authorization: `Token ${token}` } });
const { results: listed = [] } = invoiceListSchema.parse(await listResponse.json());
const idQuery = (listed[Math.floor(listed.length / 2)]?.id ?? '').slice(0, 6);

// The data work alone (the page's own functions, in Node): indexing, a first sort, and a filter pass.
const { DEFAULT_FILTERS, indexInvoices, selectView, sortOrder } = await import('../../src/features/invoices/invoice-view');
const dataTimes: Record<'index' | 'sort' | 'filter', number[]> = { index: [], sort: [], filter: [] };
for (let run = 0; run < runs; run += 1) {
  let started = performance.now();
  const index = indexInvoices(listed);
  dataTimes.index.push(performance.now() - started);
  started = performance.now();
  sortOrder(index, 'amount', 'desc');
  dataTimes.sort.push(performance.now() - started);
  started = performance.now();
  selectView(index, { ...DEFAULT_FILTERS, sort: 'amount', statuses: ['PAID', 'VOIDED'], period: 'last-year', query: '1,2' }, new Date());
  dataTimes.filter.push(performance.now() - started);
}

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });

interface Sample {
  dom: number;
  frame: number;
  /** Main-thread CPU time of the tasks the interaction ran (script, style, layout, paint). */
  cpu: number;
}

const FIRST_ROW = '[role="row"][aria-rowindex="2"]';

type Action = { kind: 'sort'; column: string } | { kind: 'status'; label: string } | { kind: 'period'; value: string } | { kind: 'search'; text: string };

/**
 * Does `action` in the page the way a user's click or keystroke would reach React, then times until the
 * first row's text changes, and until the frame after that.
 */
async function time(page: Page, cdp: CDPSession, action: Action): Promise<Sample> {
  const before = await taskTime(cdp);
  const { dom, frame } = await page.evaluate(
    ({ action: todo, selector }) =>
      new Promise<{ dom: number; frame: number }>((done, fail) => {
        const firstRow = () => document.querySelector(selector)?.textContent ?? '';
        const setValue = (element: HTMLInputElement | HTMLSelectElement, value: string, event: string) => {
          const prototype = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
          element.dispatchEvent(new Event(event, { bubbles: true }));
        };
        const before = firstRow();
        const observer = new MutationObserver(() => {
          if (firstRow() === before) return;
          observer.disconnect();
          const dom = performance.now() - started;
          requestAnimationFrame(() => setTimeout(() => done({ dom, frame: performance.now() - started }), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        setTimeout(() => {
          observer.disconnect();
          fail(new Error(`the first row did not change within 10 s after ${JSON.stringify(todo)}`));
        }, 10_000);
        const started = performance.now();
        if (todo.kind === 'sort') {
          [...document.querySelectorAll<HTMLButtonElement>('[role=columnheader] button')].find((button) => button.textContent?.startsWith(todo.column))?.click();
        } else if (todo.kind === 'status') {
          [...document.querySelectorAll('fieldset label')]
            .find((label) => label.textContent?.trim() === todo.label)
            ?.querySelector('input')
            ?.click();
        } else if (todo.kind === 'period') {
          const label = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent === 'Period');
          if (label?.control instanceof HTMLSelectElement) setValue(label.control, todo.value, 'change');
        } else {
          const input = document.querySelector('input[type=search]');
          if (input instanceof HTMLInputElement) setValue(input, todo.text, 'input');
        }
      }),
    { action, selector: FIRST_ROW },
  );
  return { dom, frame, cpu: (await taskTime(cdp)) - before };
}

/**
 * The renderer main thread's task time in ms, measured in thread CPU time (threadTicks): unlike wall
 * time, it does not grow when other processes share the CPU.
 */
async function taskTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

type Results = Array<{ label: string; samples: Sample[] }>;
const record = (results: Results, label: string, sample: Sample) => {
  const entry = results.find((result) => result.label === label);
  if (entry) entry.samples.push(sample);
  else results.push({ label, samples: [sample] });
};
const settle = (page: Page) => page.waitForTimeout(400);

interface Load {
  firstRows: number;
  api: number;
  /** When the invoice request started, from navigation start. */
  apiStart: number;
  bytes: number;
}

/** Opens `url` in a fresh context with the session in sessionStorage; times its first rows. */
async function open(url: string): Promise<{ page: Page; cdp: CDPSession; load: Load; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // tsx keeps function names with a __name helper that does not exist in the page.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.addInitScript((value) => window.sessionStorage.setItem('billing-console.session', value), stored);
  await page.addInitScript((selector) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      Reflect.set(window, '__firstRowsAt', performance.now());
    });
    observer.observe(document, { subtree: true, childList: true });
  }, FIRST_ROW);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url);
  await page.waitForFunction(() => Reflect.get(window, '__firstRowsAt') !== undefined, undefined, { timeout: 60_000 });
  const load = await page.evaluate(() => {
    const api = performance.getEntriesByType('resource').find((entry) => /\/api\/organization\/[^/]+\/invoice$/.test(entry.name));
    const timing = api instanceof PerformanceResourceTiming ? api : undefined;
    return { firstRows: Number(Reflect.get(window, '__firstRowsAt')), api: timing?.duration ?? NaN, apiStart: timing?.startTime ?? NaN, bytes: timing?.encodedBodySize ?? NaN };
  });
  return { page, cdp, load, close: () => context.close() };
}

const consoleResults: Results = [];
const bareResults: Results = [];
const loads: Record<'console' | 'bare', Load[]> = { console: [], bare: [] };
const search = `search "${idQuery}" (part of an id)`;

for (let run = 0; run < runs; run += 1) {
  // The bare page first, then the console, in every run: both see the same machine load.
  const bare = await open(`${base}${BARE_PAGE_PATH}#${ORG_IDS.initech}`);
  loads.bare.push(bare.load);
  await settle(bare.page);
  record(bareResults, 'sort by amount (first time)', await time(bare.page, bare.cdp, { kind: 'sort', column: 'Amount' }));
  record(bareResults, 'sort by amount, flipped (first time)', await time(bare.page, bare.cdp, { kind: 'sort', column: 'Amount' }));
  record(bareResults, 'filter: status chip (Void)', await time(bare.page, bare.cdp, { kind: 'status', label: 'Void' }));
  record(bareResults, 'filter: status chip off', await time(bare.page, bare.cdp, { kind: 'status', label: 'Void' }));
  record(bareResults, `filter: ${search}`, await time(bare.page, bare.cdp, { kind: 'search', text: idQuery }));
  record(bareResults, 'filter: clear search', await time(bare.page, bare.cdp, { kind: 'search', text: '' }));
  await bare.close();

  const { page, cdp, load, close } = await open(`${base}/organizations/${ORG_IDS.initech}/invoices`);
  loads.console.push(load);
  await settle(page);
  // Sorts: the first time each order is computed (cold), then flipped and revisited (warm).
  record(consoleResults, 'sort by amount (first time)', await time(page, cdp, { kind: 'sort', column: 'Amount' }));
  await settle(page);
  record(consoleResults, 'sort by amount, flipped (first time)', await time(page, cdp, { kind: 'sort', column: 'Amount' }));
  await settle(page);
  record(consoleResults, 'sort by status (first time)', await time(page, cdp, { kind: 'sort', column: 'Status' }));
  await settle(page);
  record(consoleResults, 'sort by date', await time(page, cdp, { kind: 'sort', column: 'Date' }));
  await settle(page);
  record(consoleResults, 'sort by amount, again', await time(page, cdp, { kind: 'sort', column: 'Amount' }));
  await settle(page);

  // Filters.
  record(consoleResults, 'filter: status chip (Void)', await time(page, cdp, { kind: 'status', label: 'Void' }));
  await settle(page);
  record(consoleResults, 'filter: status chip off', await time(page, cdp, { kind: 'status', label: 'Void' }));
  await settle(page);
  record(consoleResults, 'filter: period = last year', await time(page, cdp, { kind: 'period', value: 'last-year' }));
  await settle(page);
  record(consoleResults, 'filter: period = all time', await time(page, cdp, { kind: 'period', value: '' }));
  await settle(page);
  record(consoleResults, `filter: ${search}`, await time(page, cdp, { kind: 'search', text: idQuery }));
  await settle(page);
  record(consoleResults, 'filter: clear search', await time(page, cdp, { kind: 'search', text: '' }));
  await close();
}

await browser.close();
consoleServer.close();

const ms = (value: number) => `${value.toFixed(1)} ms`;
const out = (line: string) => process.stdout.write(`${line}\n`);
const spread = (values: number[]) => `${ms(median(values))} [${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)}]`;
const ratio = (mine: number[], theirs: number[]) => (theirs.length ? `${(median(mine) / median(theirs)).toFixed(2)}x` : '');
out(`\nInitech, ${invoiceCount} invoices, ${runs} page loads of each page in one Chromium (medians, [min-max])\n`);
out(`  ${''.padEnd(44)}${'console'.padStart(26)}${'bare page'.padStart(26)}${'ratio'.padStart(9)}`);
const firstRows = (list: Load[]) => list.map((load) => load.firstRows);
out(
  `  ${'time to first rows (from navigation start)'.padEnd(44)}${spread(firstRows(loads.console)).padStart(26)}${spread(firstRows(loads.bare)).padStart(26)}${ratio(firstRows(loads.console), firstRows(loads.bare)).padStart(9)}`,
);
const apiStart = (list: Load[]) => list.map((load) => load.apiStart);
out(`  ${'  GET …/invoice started at'.padEnd(44)}${spread(apiStart(loads.console)).padStart(26)}${spread(apiStart(loads.bare)).padStart(26)}`);
const api = (list: Load[]) => list.map((load) => load.api);
out(
  `  ${'  GET …/invoice took'.padEnd(44)}${spread(api(loads.console)).padStart(26)}${spread(api(loads.bare)).padStart(26)}   (${Math.round((loads.console[0]?.bytes ?? 0) / 1024)} KB on the wire)`,
);
out('');
out(
  `  ${'in Node: index / first sort / filter pass'.padEnd(44)}${`${median(dataTimes.index).toFixed(1)} / ${median(dataTimes.sort).toFixed(1)} / ${median(dataTimes.filter).toFixed(1)} ms`.padStart(26)}`,
);
out('');
out(
  `  ${'interaction (to the next frame)'.padEnd(44)}${'console'.padStart(26)}${'bare page'.padStart(26)}${'ratio'.padStart(9)}${'console: to new row'.padStart(24)}${'main-thread CPU'.padStart(20)}`,
);
for (const { label, samples } of consoleResults) {
  const frames = samples.map((sample) => sample.frame);
  const bareFrames = bareResults.find((result) => result.label === label)?.samples.map((sample) => sample.frame) ?? [];
  const row = `  ${label.padEnd(44)}${spread(frames).padStart(26)}${(bareFrames.length ? spread(bareFrames) : '(not in the bare page)').padStart(26)}${ratio(frames, bareFrames).padStart(9)}`;
  out(`${row}${ms(median(samples.map((sample) => sample.dom))).padStart(24)}${ms(median(samples.map((sample) => sample.cpu))).padStart(20)}`);
}
const [load1] = loadavg();
out(`\nLoad average during the run: ${load1?.toFixed(1)} on ${cpus().length} CPUs (wall times grow with it; CPU times much less).`);
