import { chromium, type CDPSession, type Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { invoiceListSchema } from '#api/contract';
import { ORG_IDS } from '../db/seed';
import { chromiumExecutable, demoSession, serveBuiltConsole } from './built-console';

/**
 * `npm run bench:invoices [-- --invoices 10000 --runs 5]`: seeds a temporary database with Initech's
 * invoices, serves the built console, opens Initech's invoice list in Chromium as its billing manager
 * and reports, measured inside the page with performance.now(): the time to the first rows (from
 * navigation start), and how long a sort and a filter take from the click (or keystroke) until the
 * DOM shows the new first row, then until the next frame. A benchmark, not a test: it asserts nothing.
 * Needs `npm run build` first.
 */
const { values } = parseArgs({ options: { invoices: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
const invoiceCount = Number(values.invoices);
const runs = Number(values.runs);
if (!Number.isInteger(invoiceCount) || invoiceCount < 1 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('--invoices and --runs take whole numbers above 0\n');
  process.exit(1);
}
const seeded = performance.now();
const consoleServer = await serveBuiltConsole({ largeOrgInvoices: invoiceCount });
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
          [...document.querySelectorAll('fieldset label')].find((label) => label.textContent?.trim() === todo.label)?.querySelector('input')?.click();
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

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const results: Array<{ label: string; samples: Sample[] }> = [];
const record = (label: string, sample: Sample) => {
  const entry = results.find((result) => result.label === label);
  if (entry) entry.samples.push(sample);
  else results.push({ label, samples: [sample] });
};
const settle = (page: Page) => page.waitForTimeout(400);
const loads: Array<{ firstRows: number; api: number; bytes: number }> = [];

for (let run = 0; run < runs; run += 1) {
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
  await page.goto(`${base}/organizations/${ORG_IDS.initech}/invoices`);
  await page.waitForFunction(() => Reflect.get(window, '__firstRowsAt') !== undefined, undefined, { timeout: 60_000 });
  const load = await page.evaluate(() => {
    const api = performance.getEntriesByType('resource').find((entry) => /\/api\/organization\/[^/]+\/invoice$/.test(entry.name));
    const timing = api instanceof PerformanceResourceTiming ? api : undefined;
    return { firstRows: Number(Reflect.get(window, '__firstRowsAt')), api: timing?.duration ?? NaN, bytes: timing?.encodedBodySize ?? NaN };
  });
  loads.push(load);
  await settle(page);

  // Sorts: the first time each order is computed (cold), then flipped and revisited (warm).
  record('sort by amount (first time)', await time(page, cdp, { kind: 'sort', column: 'Amount' }));
  await settle(page);
  record('sort by amount, flipped (first time)', await time(page, cdp, { kind: 'sort', column: 'Amount' }));
  await settle(page);
  record('sort by status (first time)', await time(page, cdp, { kind: 'sort', column: 'Status' }));
  await settle(page);
  record('sort by date', await time(page, cdp, { kind: 'sort', column: 'Date' }));
  await settle(page);
  record('sort by amount, again', await time(page, cdp, { kind: 'sort', column: 'Amount' }));
  await settle(page);

  // Filters.
  record('filter: status chip (Void)', await time(page, cdp, { kind: 'status', label: 'Void' }));
  await settle(page);
  record('filter: status chip off', await time(page, cdp, { kind: 'status', label: 'Void' }));
  await settle(page);
  record('filter: period = last year', await time(page, cdp, { kind: 'period', value: 'last-year' }));
  await settle(page);
  record('filter: period = all time', await time(page, cdp, { kind: 'period', value: '' }));
  await settle(page);
  record(`filter: search "${idQuery}" (part of an id)`, await time(page, cdp, { kind: 'search', text: idQuery }));
  await settle(page);
  record('filter: clear search', await time(page, cdp, { kind: 'search', text: '' }));
  await context.close();
}

await browser.close();
consoleServer.close();

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
process.stdout.write(`\nInitech, ${invoiceCount} invoices, ${runs} page loads in Chromium (medians, max in brackets)\n\n`);
process.stdout.write(`  ${'time to first rows (from navigation start)'.padEnd(44)}${ms(median(loads.map((load) => load.firstRows)))}  [${ms(Math.max(...loads.map((load) => load.firstRows))).trim()}]\n`);
process.stdout.write(`  ${'  of which GET …/invoice'.padEnd(44)}${ms(median(loads.map((load) => load.api)))}  (${Math.round((loads[0]?.bytes ?? 0) / 1024)} KB on the wire)\n\n`);
process.stdout.write(`  ${'in Node: index / first sort / filter pass'.padEnd(44)}${`${median(dataTimes.index).toFixed(1)} / ${median(dataTimes.sort).toFixed(1)} / ${median(dataTimes.filter).toFixed(1)} ms`.padStart(20)}\n\n`);
process.stdout.write(`  ${'interaction'.padEnd(44)}${'to new first row'.padStart(20)}${'to next frame'.padStart(20)}${'main-thread CPU'.padStart(20)}\n`);
const cell = (values: number[]) => `${median(values).toFixed(1)} [${Math.max(...values).toFixed(1)}] ms`.padStart(20);
for (const { label, samples } of results) {
  process.stdout.write(`  ${label.padEnd(44)}${cell(samples.map((sample) => sample.dom))}${cell(samples.map((sample) => sample.frame))}${cell(samples.map((sample) => sample.cpu))}\n`);
}
const [load1] = loadavg();
process.stdout.write(`\nLoad average during the run: ${load1?.toFixed(1)} on ${cpus().length} CPUs (wall times grow with it; CPU times much less).\n`);
