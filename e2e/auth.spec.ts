import { expect, test } from './fixtures';

test.describe('sign-in', () => {
  test('an admin signs in with a typed token in either form; the token stays out of the URL and in this tab only', async ({ page, context }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel('API token').fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('This token was not accepted')).toBeVisible();
    await expect(page.getByLabel('API token')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('API token').fill('Bearer sbx_admin_acme');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page).toHaveURL(/\/organizations\/[0-9a-f-]+\/overview$/);
    expect(page.url()).not.toContain('sbx_');
    await expect(page.getByText('Alex Martin')).toBeVisible();
    expect(await page.evaluate(() => window.localStorage.length === 0 || !JSON.stringify(window.localStorage).includes('sbx_'))).toBe(true);
    expect(await page.evaluate(() => window.sessionStorage.getItem('billing-console.session'))).toContain('"scheme":"Bearer"');

    // A new tab of the same browser does not inherit the session.
    const other = await context.newPage();
    await other.goto('/organizations');
    await expect(other).toHaveURL(/\/sign-in\?next=%2Forganizations/);
  });

  test('demo sign-in, sign-out, and a deep link comes back after signing in', async ({ page }) => {
    await page.goto('/organizations/83a4796e-80a5-44ea-9475-d784b2767b04/billing-details');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByRole('button', { name: /Sign in as Fran Ledger/ }).click();
    await expect(page.getByRole('heading', { name: 'Billing details' })).toBeVisible();
    await expect(page.getByText('Fran Ledger')).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await page.evaluate(() => window.sessionStorage.getItem('billing-console.session'))).toBeNull();
  });

  test('a token that stops working sends the user to sign-in and back afterwards', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.addInitScript(() => {
      const raw = window.sessionStorage.getItem('billing-console.session');
      if (raw && !window.sessionStorage.getItem('revoked-once')) {
        window.sessionStorage.setItem('revoked-once', '1');
        window.sessionStorage.setItem('billing-console.session', raw.replace('sbx_admin_acme', 'sbx_revoked'));
      }
    });
    await page.goto('/organizations/83a4796e-80a5-44ea-9475-d784b2767b04/overview');
    await expect(page.getByText('Your session has ended')).toBeVisible();
    await page.getByRole('button', { name: /Sign in as Alex Martin/ }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  });

  test('an open redirect through ?next= is refused', async ({ page }) => {
    await page.goto('/sign-in?next=//evil.test/steal');
    await page.getByRole('button', { name: /Sign in as Alex Martin/ }).click();
    await expect(page).toHaveURL(/\/organizations\/[0-9a-f-]+\/overview$/);
  });
});
