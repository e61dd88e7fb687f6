import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { invoiceListSchema } from '#api/contract';
import { ORG_IDS } from '../db/seed';
import { chromiumExecutable, serveBuiltConsole } from './built-console';

/**
 * `npm run size`: loads every page of the console in Chromium as a first visit (the sign-in page, and
 * each page of a signed-in admin opened directly by its address) and adds up the gzipped size of
 * every JavaScript file each one loads, the chunks its lazy parts fetch included. Fails when one is
 * over its budget: 130 KB for the first pages (sign-in and the overview), and 1.3 times what the
 * sign-in page loads for any other page. The overview is measured twice: as it first shows, and once
 * scrolled to its end, where its recent activity loads (a budget of any other page). Needs
 * `npm run build` first.
 */
const FIRST_PAGE_BUDGET_BYTES = 130 * 1024;
const OTHER_PAGE_FACTOR = 1.3;
const consoleServer = await serveBuiltConsole();
const { base, distDir } = consoleServer;
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });

/** What a page shows once scrolled to its end, for pages whose lower blocks load when they come into view. */
type BelowTheFold = (page: Page) => Promise<void>;

async function measure(label: string, path: string, session: string | null, budget: (signIn: number) => number, belowTheFold?: BelowTheFold) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (session) await page.addInitScript((value) => window.sessionStorage.setItem('billing-console.session', value), session);
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === base && url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  if (belowTheFold) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await belowTheFold(page);
  }
  await context.close();
  const files = [...scripts].map((script) => {
    const raw = readFileSync(join(distDir, script));
    return { script, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  return { label, path, files, total, budget };
}

const adminSession = JSON.stringify({
  scheme: 'Token',
  token: 'sbx_admin_acme',
  sandbox: true,
  user: { id: 'size', email: 'admin@acme.test', name: 'Alex Martin' },
  memberships: [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role: 'admin' }],
});
const firstPage = () => FIRST_PAGE_BUDGET_BYTES;
const otherPage = (signIn: number) => signIn * OTHER_PAGE_FACTOR;
const org = `/organizations/${ORG_IDS.acme}`;
const invoiceList = await fetch(`${base}/api${org.replace('organizations', 'organization')}/invoice`, { headers: { Authorization: 'Token sbx_admin_acme' } });
const invoiceId = invoiceListSchema.parse(await invoiceList.json()).results?.[0]?.id ?? 'none';
// The overview's recent activity loads when it comes into view: the first visit is measured without
// it (Playwright's 1280 x 720 viewport, where it sits below the fold), and once scrolled to, with it,
// against the budget of any other page.
const recentActivityShown: BelowTheFold = async (page) => {
  await page.getByRole('link', { name: 'See all activity' }).waitFor();
};
const pages: Array<[label: string, path: string, session: string | null, budget: (signIn: number) => number, belowTheFold?: BelowTheFold]> = [
  ['sign-in (first visit)', '/sign-in', null, firstPage],
  ['overview (signed in)', `${org}/overview`, adminSession, firstPage],
  ['overview, scrolled down', `${org}/overview`, adminSession, otherPage, recentActivityShown],
  ['billing details', `${org}/billing-details`, adminSession, otherPage],
  ['payment methods', `${org}/payment-methods`, adminSession, otherPage],
  ['credits', `${org}/credits`, adminSession, otherPage],
  ['invoices', `${org}/invoices`, adminSession, otherPage],
  ['invoice', `${org}/invoices/${invoiceId}`, adminSession, otherPage],
  ['costs', `${org}/costs`, adminSession, otherPage],
  ['plan', `${org}/plan`, adminSession, otherPage],
  ['usage reports', `${org}/usage`, adminSession, otherPage],
  ['subscription', `${org}/subscription`, adminSession, otherPage],
  ['activity', `${org}/activity`, adminSession, otherPage],
  ['not found (signed in)', `${org}/no-such-page`, adminSession, otherPage],
];
const results = [];
for (const [label, path, session, budget, belowTheFold] of pages) results.push(await measure(label, path, session, budget, belowTheFold));
await browser.close();
consoleServer.close();

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const signInTotal = results[0]?.total ?? 0;
let failed = false;
const summary: string[] = [];
for (const result of results) {
  process.stdout.write(`\n${result.label}: ${result.path}\n`);
  for (const file of result.files.sort((a, b) => b.gzip - a.gzip)) {
    process.stdout.write(`  ${kb(file.gzip).padStart(9)} gzip  ${kb(file.raw).padStart(9)} raw  ${file.script}\n`);
  }
  const budget = result.budget(signInTotal);
  const over = result.total > budget;
  failed ||= over;
  const line = `${kb(result.total).padStart(9)} gzip in all, budget ${kb(budget)}${over ? '  OVER BUDGET' : ''}`;
  process.stdout.write(`  ${line}\n`);
  summary.push(`  ${result.label.padEnd(24)}${line}`);
}
process.stdout.write(`\nFirst visit of each page (other pages: ${OTHER_PAGE_FACTOR} x sign-in's ${kb(signInTotal)})\n${summary.join('\n')}\n`);
process.exit(failed ? 1 : 0);
