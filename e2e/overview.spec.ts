import { ACME, GLOBEX, expect, expectAccessible, test } from './fixtures';

test.describe('overview', () => {
  test('an admin switches organization and sees Globex’s invalid-billing banner with the way out', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page.getByText('Billing at a glance for Acme Corp')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Billing is invalid' })).toHaveCount(0);
    await expect(page.getByText('$299.00')).toBeVisible();
    await expect(page.getByText('cus_sbx_acme_7Hq2Lx')).toBeVisible();

    await page.getByLabel('Organization').selectOption({ label: 'Globex' });
    await expect(page).toHaveURL(new RegExp(`/organizations/${GLOBEX}/overview$`));
    const banner = page.getByRole('alert').filter({ hasText: 'Billing is invalid' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('no credit left');
    await expect(banner.getByRole('link', { name: 'Redeem a credit code' })).toHaveAttribute('href', `/organizations/${GLOBEX}/credits`);
    await expect(page.getByText(/Trial: \d+ days left/)).toBeVisible();
    // The admin is only a viewer in Globex: no billing account card data.
    await expect(page.getByText('The billing account is visible to admins and billing managers.')).toBeVisible();
    await expectAccessible(page, 'Globex overview');
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
