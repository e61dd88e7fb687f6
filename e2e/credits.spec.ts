import { ACME, GLOBEX, expect, expectAccessible, test } from './fixtures';

test.describe('credit codes', () => {
  test('an Acme viewer redeems a valid code', async ({ page, signIn }) => {
    await signIn('viewerAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Credit codes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Credit codes' })).toBeVisible();
    await expectAccessible(page, 'credit codes as viewer');
    await page.getByLabel(/^Credit code/).fill('partner250');
    await page.getByRole('button', { name: 'Redeem code' }).click();
    const success = page.getByRole('status').filter({ hasText: 'Credit code PARTNER250 redeemed' });
    await expect(success).toBeVisible();
    await expect(success).toContainText('$250.00 of credit was added to Acme Corp.');
    await expect(page.getByLabel(/^Credit code/)).toHaveValue('');
    await expectAccessible(page, 'credit code redeemed');
  });

  test('a Globex admin redeems a valid code and sees the invalid-billing banner disappear', async ({ page, signIn }) => {
    await signIn('adminGlobex');
    await page.goto(`/organizations/${GLOBEX}/overview`);
    const banner = page.getByRole('alert').filter({ hasText: 'Billing is invalid' });
    await expect(banner).toBeVisible();
    await banner.getByRole('link', { name: 'Redeem a credit code' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Credit codes' })).toBeVisible();
    const status = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Billing status' }) });
    await expect(status.getByText('Invalid', { exact: true })).toBeVisible();

    await page.getByLabel(/^Credit code/).fill('  welcome100 ');
    await page.getByRole('button', { name: 'Redeem code' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Credit code WELCOME100 redeemed' })).toContainText('$100.00 of credit was added to Globex. Billing is now valid.');
    await expect(status.getByText('Valid', { exact: true })).toBeVisible();
    await expect(status).toContainText('Globex is on a trial with $100.00 of credit left.');

    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByText('Valid', { exact: true })).toBeVisible();
    await expect(banner).toHaveCount(0);
    await page.reload();
    await expect(page.getByText('Valid', { exact: true })).toBeVisible();
    await expect(banner).toHaveCount(0);
  });

  test('a used code entered again is refused with its message', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/credits`);
    const field = page.getByLabel(/^Credit code/);
    await field.fill('WELCOME100');
    await page.getByRole('button', { name: 'Redeem code' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Credit code WELCOME100 redeemed' })).toBeVisible();

    await field.fill('welcome100');
    await page.getByRole('button', { name: 'Redeem code' }).click();
    await expect(page.getByText('Credit code WELCOME100 has already been redeemed by this organization')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'redeemed' })).toHaveCount(0);
    await expectAccessible(page, 'credit code refused');
  });
});
