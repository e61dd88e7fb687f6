import { ACME, expect, expectAccessible, test } from './fixtures';

/**
 * The console speaks the browser's language (navigator.languages), falling back to English; the
 * language menu overrides it for the next visits; <html lang> and dir follow, and right-to-left
 * mirrors the layout.
 */
test.describe('languages', () => {
  test.use({ locale: 'fr-FR' });

  test('a French browser signs in and gets the console in French, money and dates included, and axe passes', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Se connecter à la console de facturation' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
    await expectAccessible(page, 'the sign-in page in French');
    await page.getByLabel(/^Jeton d’API/).fill('sbx_admin_acme');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/organizations/${ACME}/overview$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    const nav = page.getByRole('navigation', { name: 'Facturation' });
    await expect(nav.getByRole('link', { name: 'Vue d’ensemble' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Factures' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Vue d’ensemble' })).toBeVisible();
    await expect(page).toHaveTitle('Vue d’ensemble · Acme Corp · Console de facturation');
    // $299.00 in French: a decimal comma and the currency after the amount.
    await expect(page.getByText(/299,00\s\$US/).first()).toBeVisible();
    await expect(page.getByText(/^Renouvellement le \d{1,2} \p{L}+ \d{4}$/u)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
    await expectAccessible(page, 'the overview in French');
  });

  test('German chosen from the language menu stays chosen after a reload; Spanish next, on the invoices too', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Abrechnung' }).getByRole('link', { name: 'Rechnungen' })).toBeVisible();
    await expect(page.getByText(/299,00\s\$/).first()).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
    await expectAccessible(page, 'the overview in German');

    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('es');
    await expect(page.getByRole('heading', { level: 1, name: 'Resumen' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.getByRole('navigation', { name: 'Facturación' }).getByRole('link', { name: 'Facturas' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Facturas' })).toBeVisible();
    await expectAccessible(page, 'the invoices in Spanish');
  });

  test('Hebrew turns the console right to left: the navigation on the right, a form’s labels at its right edge', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('he');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'he');
    await expect(page.getByRole('heading', { level: 1, name: 'סקירה כללית' })).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'חיובים' });
    const main = page.locator('#main');
    const [navBox, mainBox] = [await nav.boundingBox(), await main.boundingBox()];
    expect(navBox && mainBox && navBox.x > mainBox.x).toBe(true);
    await page.screenshot({ path: test.info().outputPath('overview-rtl.png'), fullPage: true });
    await expectAccessible(page, 'the overview in Hebrew');

    await nav.getByRole('link', { name: 'פרטי חיוב' }).click();
    const field = page.locator('#main form input[type="text"]').first();
    await expect(field).toBeVisible();
    const label = page.locator('#main form label').first();
    const [labelBox, fieldBox] = [await label.boundingBox(), await field.boundingBox()];
    // Right-aligned: the label ends where its field ends, at the right, and starts further right than the field does.
    expect(labelBox && fieldBox && Math.abs(labelBox.x + labelBox.width - (fieldBox.x + fieldBox.width)) < 2 && labelBox.x > fieldBox.x).toBe(true);
    await page.screenshot({ path: test.info().outputPath('billing-details-rtl.png'), fullPage: true });
  });
});
