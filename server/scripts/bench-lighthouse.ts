import lighthouse, { desktopConfig } from 'lighthouse';
import { cpus, loadavg } from 'node:os';
import puppeteer from 'puppeteer-core';
import { ORG_IDS } from '../db/seed';
import { wholeNumberOptions } from './bench-support';
import { chromiumExecutable, demoSession, serveBuiltConsole } from './built-console';

/**
 * `npm run bench:lighthouse [-- --runs 3 --invoices 10000]`: Lighthouse's performance score (desktop
 * and mobile presets) of the built console's sign-in page, Acme's overview, and Initech's invoice
 * list with that many invoices, in the Chromium the tests use. Signed-in pages get the demo session
 * in sessionStorage before any script runs, as a signed-in tab has it. Prints each run's score and
 * the median with its metrics. A benchmark, not a test: it asserts nothing. Needs `npm run build`.
 */
const { runs, invoices: invoiceCount } = wholeNumberOptions({ runs: 3, invoices: 10_000 });

const executablePath = chromiumExecutable();
if (!executablePath) {
  process.stderr.write('No Chromium found: set CHROMIUM_PATH\n');
  process.exit(1);
}

const consoleServer = await serveBuiltConsole({ largeOrgInvoices: invoiceCount });
const { base } = consoleServer;
const pages = [
  { label: 'sign-in', path: '/sign-in', session: null },
  { label: 'overview (Acme, admin)', path: `/organizations/${ORG_IDS.acme}/overview`, session: await demoSession(base, 'sbx_admin_acme') },
  { label: `invoices (Initech, ${invoiceCount})`, path: `/organizations/${ORG_IDS.initech}/invoices`, session: await demoSession(base, 'sbx_billing_acme') },
];
const presets = [
  { label: 'desktop', config: desktopConfig },
  { label: 'mobile', config: undefined },
];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;

interface Run {
  score: number;
  /** Display values, in METRICS order. */
  metrics: string[];
}

/**
 * One Lighthouse run in a fresh tab. Lighthouse sometimes fails to record a trace on a busy machine
 * (NO_NAVSTART): such a run is said and done again, up to three times.
 */
async function audit(url: string, session: string | null, config: typeof desktopConfig | undefined) {
  for (let attempt = 1; ; attempt += 1) {
    const tab = await browser.newPage();
    if (session) await tab.evaluateOnNewDocument((value: string) => window.sessionStorage.setItem('billing-console.session', value), session);
    const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, config, tab);
    await tab.close();
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (!lhr.runtimeError) return lhr;
    process.stdout.write(`  (${url}: ${lhr.runtimeError.message}${attempt < 3 ? ' Running it again.' : ''})\n`);
    if (attempt === 3) throw new Error(lhr.runtimeError.message);
  }
}

const browser = await puppeteer.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const table: Array<{ page: string; preset: string; runs: Run[] }> = [];
try {
  for (const page of pages) {
    for (const preset of presets) {
      const entry: { page: string; preset: string; runs: Run[] } = { page: page.label, preset: preset.label, runs: [] };
      table.push(entry);
      for (let run = 0; run < runs; run += 1) {
        const lhr = await audit(base + page.path, page.session, preset.config);
        const metrics = METRICS.map((id) => lhr.audits[id]?.displayValue ?? '?');
        entry.runs.push({ score: Math.round((lhr.categories.performance?.score ?? 0) * 100), metrics });
        process.stdout.write(`${page.label}, ${preset.label}, run ${run + 1}: ${entry.runs.at(-1)?.score}\n`);
      }
    }
  }
} finally {
  await browser.close();
  consoleServer.close();
}

process.stdout.write(`\nLighthouse performance, ${runs} runs each (median run's metrics: FCP, LCP, TBT, CLS, SI)\n\n`);
for (const { page, preset, runs: done } of table) {
  const sorted = [...done].sort((a, b) => a.score - b.score);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const metrics = median?.metrics.join(', ') ?? '';
  process.stdout.write(
    `  ${page.padEnd(28)}${preset.padEnd(9)}${`median ${median?.score ?? '?'}`.padEnd(11)}runs ${done
      .map((run) => run.score)
      .join(' / ')
      .padEnd(16)}${metrics}\n`,
  );
}
const [load1] = loadavg();
process.stdout.write(
  `\nLoad average during the run: ${load1?.toFixed(1)} on ${cpus().length} CPUs (mobile scores use simulated throttling; desktop's are more sensitive to load).\n`,
);
