import type { Page } from '@playwright/test';
import { creditCardListSchema } from '../src/api/contract';
import { E2E_NOW } from './clock';
import { ACME, GLOBEX, expect, expectAccessible, test } from './fixtures';

const nextYear = String(E2E_NOW.getUTCFullYear() + 1);

async function fillCard(page: Page, number: string, cvc: string) {
  await page.getByLabel(/^Card number/).pressSequentially(number);
  await page.getByLabel(/^Month/).selectOption('12');
  await page.getByLabel(/^Year/).selectOption(nextYear);
  await page.getByLabel(/^CVC/).fill(cvc);
}

const cards = (page: Page) =>
  page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Cards on file' }) })
    .getByRole('listitem');

const storedCards = (body: unknown) => creditCardListSchema.parse(body).results ?? [];

test.describe('payment methods', () => {
  test('an admin adds a valid card: errors first, then it appears masked, once despite a double click', async ({ page, signIn, api }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Payment methods' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Payment methods' })).toBeVisible();
    await expect(cards(page)).toHaveCount(2);
    await expect(cards(page).filter({ hasText: 'Mastercard' }).getByText('Expired', { exact: true })).toBeVisible();
    await expectAccessible(page, 'payment methods');

    await page.getByRole('button', { name: 'Add card' }).click();
    await expect(page.getByText('Card number is required')).toBeVisible();
    await expect(page.getByText('Choose the expiry month')).toBeVisible();
    await expect(page.getByLabel(/^Card number/)).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'add a card with errors');

    await page.getByLabel(/^Card number/).pressSequentially('378282246310005');
    await expect(page.getByLabel(/^Card number/)).toHaveValue('3782 822463 10005');
    await expect(page.getByText('American Express', { exact: true })).toBeVisible();
    await page.getByLabel(/^Month/).selectOption('12');
    await page.getByLabel(/^Year/).selectOption(nextYear);
    await page.getByLabel(/^CVC/).fill('123');
    await page.getByRole('button', { name: 'Add card' }).click();
    await expect(page.getByText('An American Express security code has 4 digits')).toBeVisible();
    await page.getByLabel(/^CVC/).fill('7531');
    await page.getByRole('button', { name: 'Add card' }).dblclick();

    await expect(page.getByRole('status').filter({ hasText: 'American Express ending in 0005 added' })).toBeVisible();
    const added = cards(page).filter({ hasText: 'American Express' });
    await expect(added).toHaveCount(1);
    await expect(added).toContainText('•••• 0005');
    await expect(added).toContainText(`Expires 12/${nextYear}`);
    await expect(page.getByLabel(/^Card number/)).toHaveValue('');
    await expect(page.getByText('3782 822463 10005')).toHaveCount(0);
    expect(page.url()).not.toContain('3782');
    const stored = await api('adminAcme', `/api/organization/${ACME}/creditCard`);
    expect(JSON.stringify(stored.body)).not.toContain('378282246310005');
    await expect(cards(page)).toHaveCount(3);
    expect(storedCards(stored.body)).toHaveLength(3);
  });

  test('the declined test card shows the server’s message on the form, keeps what was typed, and adds nothing', async ({ page, signIn, api }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/payment-methods`);
    await expect(cards(page)).toHaveCount(2);
    await fillCard(page, '4000000000000002', '123');
    await page.getByRole('button', { name: 'Add card' }).click();
    // The failure, then the request's reference for support.
    await expect(page.getByRole('alert').filter({ hasText: 'The card was not added' })).toHaveText(
      /^The card was not added: Your card was declined by its issuer\. Try another card or contact your bank\.Reference: [0-9a-f-]{36}$/,
    );
    await expect(page.getByLabel(/^Card number/)).toHaveValue('4000 0000 0000 0002');
    await expect(page.getByLabel(/^CVC/)).toHaveValue('123');
    await expect(cards(page)).toHaveCount(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the page scrolls sideways at 375 px').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'declined card at 375 px');
    const stored = await api('billingAcme', `/api/organization/${ACME}/creditCard`);
    expect(storedCards(stored.body)).toHaveLength(2);
  });

  test('an admin deletes a card after confirming; with no valid card left the overview’s billing health asks for one', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/payment-methods`);
    await page.getByRole('button', { name: 'Remove Visa ending in 4242' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this card?' });
    await expect(dialog).toContainText(/Visa ending in 4242, expires 12\/\d{4}/);
    await expect(dialog).toContainText('This is the last valid card of Acme Corp.');
    await expectAccessible(page, 'remove card dialog');
    await dialog.getByRole('button', { name: 'Keep card' }).click();
    await expect(dialog).toBeHidden();
    await expect(cards(page)).toHaveCount(2);

    await page.getByRole('button', { name: 'Remove Visa ending in 4242' }).click();
    await dialog.getByRole('button', { name: 'Remove card' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: /Visa ending in 4242 \(\d\d\/\d{4}\) removed/ })).toBeVisible();
    await expect(cards(page)).toHaveCount(1);
    await expect(page.getByText('1 card on file, none valid.')).toBeFocused();

    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Overview' }).click();
    const warning = page.getByRole('region', { name: 'Billing health' }).getByRole('listitem').filter({ hasText: 'No valid card for the next renewal' });
    await expect(warning).toBeVisible();
    await warning.getByRole('link', { name: 'Add a card' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Payment methods' })).toBeVisible();

    await page.getByRole('button', { name: 'Remove Mastercard ending in 4444' }).click();
    await dialog.getByRole('button', { name: 'Remove card' }).click();
    await expect(page.getByText('Acme Corp has no card yet. Add one to pay its invoices.')).toBeVisible();
    await expect(cards(page)).toHaveCount(0);
    await expectAccessible(page, 'payment methods without cards');
    await page.reload();
    await expect(page.getByText('Acme Corp has no card yet. Add one to pay its invoices.')).toBeVisible();
  });

  test('a viewer has no payment methods in the navigation and gets an explanation on the direct URL', async ({ page, signIn }) => {
    await signIn('viewerAcme');
    const cardRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/creditCard')) cardRequests.push(request.url());
    });
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByText('$299.00')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Payment methods' })).toHaveCount(0);
    await page.goto(`/organizations/${ACME}/payment-methods`);
    await expect(page.getByRole('heading', { name: 'Payment methods are not available to your role' })).toBeVisible();
    await expect(page.getByText('You are a viewer in Acme Corp. Admins and billing managers of your organization manage its payment methods.')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    expect(cardRequests).toEqual([]);
    await expectAccessible(page, 'payment methods as viewer');
  });

  test('at 375 px a 19-digit number shows whole, with its brand under it', async ({ page, signIn }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/payment-methods`);
    const number = page.getByLabel(/^Card number/);
    await number.pressSequentially('4242424242424242424');
    await expect(number).toHaveValue('4242 4242 4242 4242 424');
    await expect(page.getByText('Visa', { exact: true })).toBeVisible();
    const hidden = await number.evaluate((input: HTMLInputElement) => input.scrollWidth - input.clientWidth);
    expect(hidden, 'the number scrolls inside its field').toBeLessThanOrEqual(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('Globex, on trial without a card, sees an empty list and is asked for a card, which managed clusters need', async ({ page, signIn }) => {
    await signIn('adminGlobex');
    await page.goto(`/organizations/${GLOBEX}/payment-methods`);
    await expect(page.getByText('Globex has no card yet. Add one to pay its invoices.')).toBeVisible();
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByText(/Trial: \d+ days left/)).toBeVisible();
    // Globex's restriction says what a missing card blocks now; the trial's end is in the same entry.
    const noCard = page.getByRole('region', { name: 'Billing health' }).getByRole('listitem').filter({ hasText: 'No card: managed clusters are blocked' });
    await expect(noCard).toContainText(/The trial ends in \d+ days/);
    await expect(noCard.getByRole('link', { name: 'Add a card' })).toBeVisible();
    await expect(page.getByText('No valid card for the next renewal')).toHaveCount(0);
  });
});
