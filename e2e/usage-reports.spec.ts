import { readFile } from 'node:fs/promises';
import { ACME, expect, expectAccessible, test } from './fixtures';

test.describe('usage reports', () => {
  test('a billing manager generates last cycle’s report, downloads its CSV, then revokes the link', async ({ page, signIn, request }) => {
    // A whole journey with two axe passes (page and dialog, each in both themes).
    test.slow();
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Usage reports' }).click();
    const period = page.getByRole('combobox', { name: 'Period' });
    await expect(period.locator('option:checked')).toHaveText(/\(last cycle\)$/);
    const lastCycle = ((await period.locator('option:checked').textContent()) ?? '').replace(' (last cycle)', '');
    await expectAccessible(page, 'usage reports');

    await page.getByRole('button', { name: 'Generate report' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Usage report ready for ${lastCycle}` })).toBeVisible();
    const report = page.getByRole('article', { name: lastCycle });
    await expect(report).toContainText('Active');
    await expect(report).toContainText(/Link expires .+ \(in (60 minutes|1 hour)\)/);

    const link = report.getByRole('link', { name: `Download CSV for ${lastCycle}` });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^usage-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF'), 'a UTF-8 byte order mark').toBe(true);
    const [header, ...rows] = csv.slice(1).trim().split('\r\n');
    expect(header).toBe('date,cluster_id,cluster_name,cloud_provider,region,instance_type,nodes,node_hours,cost_in_cents,cost,currency_code');
    // One row per cluster and day of a whole cycle: 28 to 31 days of three clusters.
    expect(rows.length).toBeGreaterThanOrEqual(28 * 3);
    expect(rows.length).toBeLessThanOrEqual(31 * 3);
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2},[0-9a-f-]{36},(production-eu|staging-us|analytics-gcp),/.test(row))).toBe(true);

    const url = (await link.getAttribute('href')) ?? '';
    expect((await request.get(url)).status()).toBe(200);
    await report.getByRole('button', { name: `Revoke the link to the report for ${lastCycle}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this link?' });
    await expect(dialog).toContainText(lastCycle);
    await expectAccessible(page, 'revoke dialog');
    await dialog.getByRole('button', { name: 'Revoke link' }).click();
    await expect(report).toContainText('Revoked');
    await expect(report.getByRole('heading', { name: lastCycle })).toBeFocused();
    await expect(report.getByRole('link')).toHaveCount(0);
    expect((await request.get(url)).status()).toBe(404);

    // The tab remembers its reports (links are kept in sessionStorage, never in localStorage).
    await page.reload();
    await expect(page.getByRole('article', { name: lastCycle })).toContainText('Revoked');
    expect(await page.evaluate(() => JSON.stringify({ ...window.localStorage }))).not.toContain('usage-reports');
  });

  test('a viewer has no usage reports in the navigation, and the direct URL explains', async ({ page, signIn }) => {
    await signIn('viewerAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Usage reports' })).toHaveCount(0);
    await page.goto(`/organizations/${ACME}/usage`);
    await expect(page.getByRole('heading', { name: 'Usage reports are not available to your role' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Generate report' })).toHaveCount(0);
    await expectAccessible(page, 'usage reports as viewer');
  });
});
