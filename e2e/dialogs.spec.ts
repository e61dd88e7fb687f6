import { ACME, expect, expectAccessible, test } from './fixtures';

/** Dialogs and popups the other specs do not open, checked with axe in both themes. */
test.describe('dialogs and popups', () => {
  test('the ZIP confirmation for a large view', async ({ page, signIn }) => {
    await signIn('billingAcme');
    // More invoices than the ZIP takes without asking (200): the list is answered here, the dialog asks before any PDF is fetched.
    await page.route(`**/api/organization/${ACME}/invoice`, async (route) => {
      const results = Array.from({ length: 250 }, (_, index) => ({
        id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        created_at: new Date(Date.UTC(2026, 0, 1 + (index % 28))).toISOString(),
        status: 'PAID',
        total_in_cents: 29_900,
        total: 299,
        currency_code: 'USD',
      }));
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ results }) });
    });
    await page.goto(`/organizations/${ACME}/invoices`);
    await page.getByRole('button', { name: 'Download ZIP (250 in view)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download 250 invoices as one ZIP?' });
    await expect(dialog).toContainText('roughly 1 MB');
    await expectAccessible(page, 'ZIP confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('the phone menu, open', async ({ page, signIn }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.locator('#mobile-nav')).toBeVisible();
    await expectAccessible(page, 'phone menu open');
  });
});
