import { ACME, GLOBEX, expect, expectAccessible, test } from './fixtures';

test.describe('the console around its pages', () => {
  test('the organization switcher moves only on a choice, keeps the page, and the new page’s heading gets the focus', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/credits`);
    const switcher = page.getByRole('button', { name: /^Acme Corp/ });
    await switcher.focus();
    // Arrow keys on a <select> changed the organization at once (WCAG 3.2.2).
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(new RegExp(`/organizations/${ACME}/credits$`));
    await page.keyboard.press('Enter');
    await expect(switcher).toHaveAttribute('aria-expanded', 'true');
    await expectAccessible(page, 'organization switcher open');
    await page.keyboard.press('Escape');
    await expect(switcher).toBeFocused();
    // Tabbing past its last organization closes the list, which would otherwise cover the page.
    await page.keyboard.press('Enter');
    const list = page.locator(`[id="${await switcher.getAttribute('aria-controls')}"]`);
    const links = await list.getByRole('link').count();
    for (let step = 0; step <= links; step += 1) await page.keyboard.press('Tab');
    await expect(switcher).toHaveAttribute('aria-expanded', 'false');
    await expect(list).toBeHidden();
    await switcher.click();
    await page.getByRole('link', { name: 'Globex' }).click();
    await expect(page).toHaveURL(new RegExp(`/organizations/${GLOBEX}/credits$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Credit codes' })).toBeFocused();
    await expect(page.getByRole('button', { name: /^Globex/ })).toBeVisible();
  });

  test('after a page change the focus is on the new page’s heading, not on the link that was used', async ({ page, signIn }) => {
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Invoices' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Invoices' })).not.toBeFocused();
  });

  test('an organization id in upper case opens the organization', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME.toUpperCase()}/overview`);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/organizations/${ACME}/overview$`));
  });
});
