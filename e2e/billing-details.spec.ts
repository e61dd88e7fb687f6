import { ACME, expect, expectAccessible, test } from './fixtures';

test.describe('billing details', () => {
  test('an admin edits Acme’s billing details: invalid VAT shows its error, a valid change persists', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Billing details' }).click();
    await expect(page.getByLabel(/First name/)).toHaveValue('Alex');
    await expect(page.getByLabel(/Country/)).toHaveValue('France');

    const vat = page.getByLabel('VAT number');
    await vat.fill('FR12');
    await page.getByRole('button', { name: 'Save billing details' }).click();
    await expect(page.getByText('This is not a valid VAT number for France')).toBeVisible();
    await expect(vat).toHaveAttribute('aria-invalid', 'true');
    await expect(vat).toBeFocused();
    await expectAccessible(page, 'billing details with a field error');

    await vat.fill('32 123 456 789');
    await page.getByLabel(/^City/).fill('Lyon');
    await page.getByLabel(/Postal code/).fill('69002');
    await page.getByLabel(/Address/).fill('1 place Bellecour');
    await page.getByRole('button', { name: 'Save billing details' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Billing details saved' })).toBeVisible();
    await expect(vat).toHaveValue('FR32123456789');

    await page.reload();
    await expect(page.getByLabel(/^City/)).toHaveValue('Lyon');
    await expect(page.getByLabel(/Postal code/)).toHaveValue('69002');
    await expect(page.getByLabel('VAT number')).toHaveValue('FR32123456789');
  });

  test('the country list is searchable, and the US needs a state', async ({ page, signIn }) => {
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/billing-details`);
    const country = page.getByRole('combobox', { name: /Country/ });
    await country.fill('united st');
    await expect(page.getByRole('option', { name: 'United States', exact: true })).toBeVisible();
    await country.press('ArrowDown');
    await country.press('Enter');
    await expect(country).toHaveValue('United States');
    await page.getByLabel('VAT number').fill('');
    await page.getByLabel(/Postal code/).fill('94103');
    await page.getByRole('button', { name: 'Save billing details' }).click();
    await expect(page.getByText('State is required for the United States')).toBeVisible();
    await page.getByLabel(/^State/).selectOption('California');
    await page.getByRole('button', { name: 'Save billing details' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Billing details saved' })).toBeVisible();
  });

  test('server field errors land on their fields and nothing typed is lost', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.route(`**/api/organization/${ACME}/billingInfo`, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ status: 400, message: 'email: This address bounced', errors: [{ field: 'email', message: 'This address bounced last week' }] }),
      });
    });
    await page.goto(`/organizations/${ACME}/billing-details`);
    await page.getByLabel(/Billing email/).fill('ap@acme.test');
    await page.getByLabel(/^City/).fill('Marseille');
    await page.getByLabel(/Postal code/).fill('13001');
    await page.getByRole('button', { name: 'Save billing details' }).click();
    await expect(page.getByText('This address bounced last week')).toBeVisible();
    await expect(page.getByLabel(/Billing email/)).toHaveValue('ap@acme.test');
    await expect(page.getByLabel(/^City/)).toHaveValue('Marseille');
  });

  test('leaving with unsaved changes asks first', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/billing-details`);
    await page.getByLabel(/^City/).fill('Nice');
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Overview' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(page.getByLabel(/^City/)).toHaveValue('Nice');
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  });

  test('discarding changes puts the saved values back and keeps the focus in the form', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/billing-details`);
    const city = page.getByLabel(/^City/);
    const saved = await city.inputValue();
    await city.fill('Nice');
    await page.getByRole('button', { name: 'Discard changes' }).press('Enter');
    await expect(city).toHaveValue(saved);
    await expect(page.getByLabel(/^First name/)).toBeFocused();
  });

  test('a viewer has no billing details in the navigation, and the direct URL explains without calling the API', async ({ page, signIn }) => {
    await signIn('viewerAcme');
    const billingInfoRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/billingInfo')) billingInfoRequests.push(request.url());
    });
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Billing details' })).toHaveCount(0);
    await page.goto(`/organizations/${ACME}/billing-details`);
    await expect(page.getByRole('heading', { name: 'Billing details are not available to your role' })).toBeVisible();
    await expect(page.getByText('You are a viewer in Acme Corp.')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    expect(billingInfoRequests).toEqual([]);
    await expectAccessible(page, 'billing details as viewer');
  });
});
