import { ACME, GLOBEX, expect, expectAccessible, test } from './fixtures';

test.describe('overview', () => {
  test('an admin switches organization and sees Globex’s invalid billing in the health panel with the way out', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page.getByText('Billing at a glance for Acme Corp')).toBeVisible();
    const health = page.getByRole('region', { name: 'Billing health' });
    await expect(health.getByText('Valid', { exact: true })).toBeVisible();
    await expect(health.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText('$299.00')).toBeVisible();
    await expect(page.getByText('cus_sbx_acme_7Hq2Lx')).toBeVisible();

    await page.getByRole('button', { name: /^Acme Corp/ }).click();
    await page.getByRole('link', { name: 'Globex' }).click();
    await expect(page).toHaveURL(new RegExp(`/organizations/${GLOBEX}/overview$`));
    const invalid = health.getByRole('alert').filter({ hasText: 'Billing is invalid' });
    await expect(invalid).toBeVisible();
    await expect(invalid).toContainText('no credit left');
    await expect(invalid.getByRole('link', { name: 'Redeem a credit code' })).toHaveAttribute('href', `/organizations/${GLOBEX}/credits`);
    await expect(page.getByText(/Trial: \d+ days left/)).toBeVisible();
    // The admin is only a viewer in Globex: no billing account, and the card is for others to add.
    await expect(page.getByText('The billing account is visible to admins and billing managers.')).toBeVisible();
    await expect(health.getByRole('link', { name: 'Add a card' })).toHaveCount(0);
    await expect(health).toContainText('An admin (admin@globex.test) or a billing manager can add one.');
    await expectAccessible(page, 'Globex overview');
  });

  test('Globex’s admin sees no credit and no card with their actions; after a code the panel says billing is valid', async ({ page, signIn }) => {
    await signIn('adminGlobex');
    await page.goto(`/organizations/${GLOBEX}/overview`);
    const health = page.getByRole('region', { name: 'Billing health' });
    const entries = health.getByRole('list', { name: 'Needs attention, most urgent first' }).getByRole('listitem');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('Billing is invalid');
    await expect(entries.nth(0)).toContainText('Globex is on a trial with no credit left.');
    await expect(entries.nth(0).getByRole('link', { name: 'Redeem a credit code' })).toBeVisible();
    await expect(entries.nth(1)).toContainText('No card: managed clusters are blocked');
    await expect(entries.nth(1)).toContainText('Until a card is added, Globex can deploy on demo clusters only.');
    await expect(entries.nth(1).getByRole('link', { name: 'Add a card' })).toHaveAttribute('href', `/organizations/${GLOBEX}/payment-methods`);
    await expectAccessible(page, 'Globex overview as admin');

    await entries.nth(0).getByRole('link', { name: 'Redeem a credit code' }).click();
    await page.getByLabel(/^Credit code/).fill('WELCOME100');
    await page.getByRole('button', { name: 'Redeem code' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Credit code WELCOME100 redeemed' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Overview' }).click();
    await expect(health.getByText('Valid', { exact: true })).toBeVisible();
    await expect(health).toContainText('Globex is on a trial with $100.00 of credit left.');
    await expect(entries).toHaveCount(1);
    await expect(entries.nth(0)).toContainText('No card: managed clusters are blocked');
  });

  test('Acme’s billing manager sees the unpaid invoice’s deadline, and opens the invoice from it', async ({ page, signIn }) => {
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    const health = page.getByRole('region', { name: 'Billing health' });
    const unpaid = health.getByRole('listitem').filter({ hasText: /^Invoice INV-\w+ is unpaid/ });
    // Issued 5 days before the e2e clock: 7 days of grace leave 2.
    await expect(unpaid.getByText('2 days left', { exact: true })).toBeVisible();
    await expect(unpaid).toContainText('Billing turns invalid on');
    await expect(health.getByRole('listitem').filter({ hasText: /^2 invoices awaiting payment/ })).toBeVisible();
    await expectAccessible(page, 'Acme overview as billing manager');
    await unpaid.getByRole('link', { name: 'See the invoice' }).click();
    await expect(page).toHaveURL(new RegExp(`/organizations/${ACME}/invoices/[0-9a-f-]+$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('the current cost keeps “/ month” on the price’s line on wide screens', async ({ page, signIn, api }) => {
    await signIn('adminAcme');
    // The widest price of the 2025 plans; in four columns it wrapped between 1280 and 1536 px.
    expect((await api('adminAcme', `/api/organization/${ACME}/changePlan`, { method: 'POST', body: { plan: 'ENTERPRISE_2025' } })).status).toBe(200);
    for (const width of [1280, 1366, 1440, 1536]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/organizations/${ACME}/overview`);
      const value = page.getByRole('region', { name: 'Current cost' }).locator('p').first();
      await expect(value).toContainText('$2,499.00');
      const lines = await value.evaluate((element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)));
      expect(lines, `at ${width} px`).toBe(1);
    }
  });

  test('the first visit makes each API request once, all in parallel', async ({ page, signIn }) => {
    await signIn('adminAcme');
    const started: Array<{ url: string; at: number }> = [];
    const finished: number[] = [];
    // A fixed delay on every answer makes "in parallel" observable: a waterfall would start a request after another ended.
    await page.route(/\/(api|sandbox)\//, async (route) => {
      started.push({ url: new URL(route.request().url()).pathname, at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    page.on('requestfinished', (request) => {
      if (/\/(api|sandbox)\//.test(request.url())) finished.push(Date.now());
    });
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByText('cus_sbx_acme_7Hq2Lx')).toBeVisible();
    await expect(page.getByText('$299.00')).toBeVisible();
    await expect(page.getByText('Valid', { exact: true })).toBeVisible();

    const paths = started.map((entry) => entry.url).sort();
    expect(paths).toEqual(
      [
        '/api/organization',
        `/api/organization/${ACME}/billingExternalId`,
        `/api/organization/${ACME}/billingStatus`,
        `/api/organization/${ACME}/creditCard`,
        `/api/organization/${ACME}/currentCost`,
        `/api/organization/${ACME}/invoice`,
        '/sandbox/session',
      ].sort(),
    );
    const lastStart = Math.max(...started.map((entry) => entry.at));
    const firstEnd = Math.min(...finished);
    expect(lastStart).toBeLessThan(firstEnd);
  });

  test('each card fails on its own and recovers with retry', async ({ page, signIn }) => {
    await signIn('billingAcme');
    let failCost = true;
    await page.route(`**/api/organization/${ACME}/currentCost`, async (route) => {
      if (failCost) await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ status: 503, message: 'Cost service unavailable' }) });
      else await route.continue();
    });
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByText('Valid', { exact: true })).toBeVisible();
    await expect(page.getByText('cus_sbx_acme_7Hq2Lx')).toBeVisible();
    const costErrors = page.getByRole('alert').filter({ hasText: 'Cost service unavailable' });
    await expect(costErrors.first()).toBeVisible({ timeout: 15_000 });
    failCost = false;
    await costErrors.first().getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByText('$299.00')).toBeVisible();
    await expect(costErrors).toHaveCount(0);
  });

  test('a viewer sees the overview without billing data', async ({ page, signIn }) => {
    await signIn('viewerAcme');
    const billingRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/billingExternalId') || request.url().includes('/billingInfo')) billingRequests.push(request.url());
    });
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByText('$299.00')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Billing details' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Credit codes' })).toBeVisible();
    expect(billingRequests).toEqual([]);
    await expectAccessible(page, 'Acme overview as viewer');
  });
});
