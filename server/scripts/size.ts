import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ORG_IDS } from '../db/seed';
import { chromiumExecutable, serveBuiltConsole } from './built-console';

/**
 * `npm run size`: loads the console's first pages in Chromium (the sign-in page, and the overview of
 * a signed-in user) and adds up the gzipped size of every JavaScript file each one loads.
 * Fails above the budget. Needs `npm run build` first.
 */
const BUDGET_BYTES = 130 * 1024;
const consoleServer = await serveBuiltConsole();
const { base, distDir } = consoleServer;
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });

async function measure(label: string, path: string, session: string | null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (session) await page.addInitScript((value) => window.sessionStorage.setItem('billing-console.session', value), session);
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === base && url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await context.close();
  const files = [...scripts].map((script) => {
    const raw = readFileSync(join(distDir, script));
    return { script, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  return { label, path, files, total };
}

const adminSession = JSON.stringify({
  scheme: 'Token',
  token: 'sbx_admin_acme',
  sandbox: true,
  user: { id: 'size', email: 'admin@acme.test', name: 'Alex Martin' },
  memberships: [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role: 'admin' }],
});
const results = [
  await measure('sign-in (first visit)', '/sign-in', null),
  await measure('overview (signed in)', `/organizations/${ORG_IDS.acme}/overview`, adminSession),
];
await browser.close();
consoleServer.close();

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = false;
for (const result of results) {
  process.stdout.write(`\n${result.label}: ${result.path}\n`);
  for (const file of result.files.sort((a, b) => b.gzip - a.gzip)) {
    process.stdout.write(`  ${kb(file.gzip).padStart(9)} gzip  ${kb(file.raw).padStart(9)} raw  ${file.script}\n`);
  }
  const over = result.total > BUDGET_BYTES;
  failed ||= over;
  process.stdout.write(`  ${kb(result.total).padStart(9)} gzip in all, budget ${kb(BUDGET_BYTES)}${over ? '  OVER BUDGET' : ''}\n`);
}
process.exit(failed ? 1 : 0);
