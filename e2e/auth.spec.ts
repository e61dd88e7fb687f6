import { ACME, expect, expectAccessible, test } from './fixtures';

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
    await page.getByRole('button', { name: /Sign in as Fran Ledger/ }).press('Enter');
    // The button is gone: the focus goes to the new page's heading, as after any page change.
    await expect(page.getByRole('heading', { level: 1, name: 'Billing details' })).toBeFocused();
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

  test('signing out with unsaved billing details asks first, and no request then goes out without a token', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/billing-details`);
    await page.getByLabel(/^City/).fill('Lyon');
    const withoutToken: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/') && request.headers().authorization === undefined) withoutToken.push(request.url());
    });

    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'leave without saving, on sign-out');
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(page).toHaveURL(new RegExp(`/organizations/${ACME}/billing-details$`));
    await expect(page.getByLabel(/^City/)).toHaveValue('Lyon');
    await expect(page.getByRole('button', { name: /^Acme Corp/ })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await dialog.getByRole('button', { name: 'Leave' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('button', { name: /Sign in as Alex Martin/ })).toBeVisible();
    expect(await page.evaluate(() => window.sessionStorage.getItem('billing-console.session'))).toBeNull();
    expect(withoutToken).toEqual([]);
  });

  test('signed in, /sign-in goes to the organization', async ({ page, signIn }) => {
    await signIn('billingAcme');
    await page.goto('/sign-in');
    await expect(page).toHaveURL(new RegExp(`/organizations/${ACME}/overview$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  });

  test('on a phone, the demo sign-in buttons show all of their text', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/sign-in');
    const buttons = page.getByRole('button', { name: /^Sign in as/ });
    await expect(buttons.first()).toBeVisible();
    const cut = await buttons.evaluateAll((elements) =>
      elements
        .flatMap((element) => [element, ...element.querySelectorAll('span')])
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent),
    );
    expect(cut).toEqual([]);
  });
});
