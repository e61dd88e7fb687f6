import { ACME, GLOBEX, expect, expectAccessible, test } from './fixtures';

const AREAS = ['Payment methods', 'Credit codes', 'Invoices', 'Costs', 'Plan', 'Usage reports', 'Subscription'];

test.describe('every page', () => {
  test('sign-in and not-found pages pass axe', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: /Sign in as Alex Martin/ })).toBeVisible();
    await expectAccessible(page, 'sign-in');
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectAccessible(page, 'not found');
  });

  test('overview and billing details pass axe', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByText('$299.00')).toBeVisible();
    await expectAccessible(page, 'overview');
    await page.getByRole('link', { name: 'Billing details' }).click();
    await expect(page.getByLabel(/First name/)).toHaveValue('Alex');
    await expectAccessible(page, 'billing details');
  });

  for (const area of AREAS) {
    test(`${area} exists as a route, is reachable from the navigation, and passes axe`, async ({ page, signIn }) => {
      await signIn('adminAcme');
      await page.goto(`/organizations/${ACME}/overview`);
      await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: area }).click();
      await expect(page.getByRole('heading', { level: 1, name: area })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: area })).toHaveAttribute('aria-current', 'page');
      await expectAccessible(page, area);
    });
  }

  test('an unknown organization answers not found', async ({ page, signIn }) => {
    await signIn('adminGlobex');
    const outsiderRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes(`/api/organization/${ACME}`)) outsiderRequests.push(request.url());
    });
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expectAccessible(page, 'unknown organization');
    // The session knows the caller is no member: the page's data is not even requested.
    expect(outsiderRequests).toEqual([]);
    await page.goto(`/organizations/${GLOBEX}/no-such-page`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Billing' })).toBeVisible();
    await expectAccessible(page, 'unknown page inside an organization');
    await page.goto(`/organizations/${GLOBEX}/overview`);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  });

  test('at 375 px wide pages fit the screen and the menu opens the navigation', async ({ page, signIn }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn('adminAcme');
    for (const path of ['overview', 'billing-details']) {
      await page.goto(`/organizations/${ACME}/${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.locator('#mobile-nav');
    await nav.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(nav).toHaveCount(0);
    // Escape closes it and gives the focus back to its button; so does a click outside.
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(nav).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(nav).toHaveCount(0);
    await expect(menu).toBeFocused();
    await menu.click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).click({ position: { x: 5, y: 5 }, force: true });
    await expect(nav).toHaveCount(0);
    await expectAccessible(page, 'overview at 375 px');
  });

  test('the theme follows the system and the toggle overrides it', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.getByLabel('Theme').selectOption('light');
    await expect(page.locator('html')).not.toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator('html')).not.toHaveClass(/dark/);
  });
});
