import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { E2E_NOW } from './clock';
import { ACME, GLOBEX, expect, expectAccessible, test } from './fixtures';

/** The sandbox's hosted pages follow the system theme on their own (no console class on <html>): axe in both schemes. */
async function expectHostedPageAccessible(page: Page, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(summary, `axe violations on ${label} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function fillCard(page: Page, card: { number: string; month: string; year: string; cvc: string }) {
  await page.getByLabel('Card number').fill(card.number);
  await page.getByLabel('Expiry month').selectOption(card.month);
  await page.getByLabel('Expiry year').selectOption(card.year);
  await page.getByLabel('Security code').fill(card.cvc);
}

const year = String(E2E_NOW.getUTCFullYear() + 3);

test.describe('subscription (Cloud Plans)', () => {
  test('a Globex admin subscribes 3 instances through the checkout, raises to 5, changes the card and cancels with a reason', async ({ page, signIn }) => {
    // One journey across five pages, with axe on six of their states: more than the default 30 s on a busy machine.
    test.slow();
    await signIn('adminGlobex');
    await page.goto(`/organizations/${GLOBEX}/overview`);
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Subscription' }).click();
    await expect(page.getByText('No subscription')).toBeVisible();
    await expect(page.getByText('No payments yet.')).toBeVisible();
    await expectAccessible(page, 'subscription without one');

    const instances = page.getByRole('spinbutton', { name: /Instances/ });
    await instances.fill('3');
    await expect(page.getByText('3 instances × $19.00 =')).toContainText('$57.00');
    await page.getByRole('button', { name: 'Continue to payment' }).click();

    // The sandbox's hosted checkout: its own page, with its own policy.
    await expect(page).toHaveURL(/\/sandbox\/checkout\/[\w-]{43}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Subscribe Globex to Cloud Plans' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: '$57.00' })).toBeVisible();
    await expectHostedPageAccessible(page, 'checkout');

    await fillCard(page, { number: '4242 4242 4242 4241', month: '12', year, cvc: '123' });
    await page.getByRole('button', { name: 'Pay $57.00 and subscribe' }).click();
    const problems = page.getByRole('alert');
    await expect(problems).toContainText('This card number is not valid: check it for typos');
    await expect(page.getByLabel('Card number')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Card number')).toBeFocused();
    await expect(page.getByLabel('Expiry month')).toHaveValue('12');
    await expectHostedPageAccessible(page, 'checkout with errors');

    await fillCard(page, { number: '4242 4242 4242 4242', month: '12', year, cvc: '123' });
    await page.getByRole('button', { name: 'Pay $57.00 and subscribe' }).click();

    // Back in the console, the new state shows.
    await expect(page).toHaveURL(new RegExp(`/organizations/${GLOBEX}/subscription$`));
    await expect(page.getByRole('status').filter({ hasText: 'Payment received: the subscription is active.' })).toBeVisible();
    await expect(page.getByText('Active', { exact: true })).toBeVisible();
    await expect(page.getByText('$57.00 (3 instances × $19.00)')).toBeVisible();
    await expect(page.getByText(`Visa ending in 4242, expires 12/${year}`)).toBeVisible();
    const history = page.getByRole('table', { name: /Billing history/ });
    await expect(history.getByRole('row')).toHaveCount(2);
    await expect(history.getByRole('row').nth(1)).toContainText('$57.00');
    await expect(history.getByRole('row').nth(1)).toContainText('Paid');

    await page.getByRole('spinbutton', { name: 'Instances', exact: true }).fill('5');
    await page.getByRole('button', { name: 'Change quantity' }).click();
    const change = page.getByRole('dialog', { name: 'Change to 5 instances?' });
    await expect(change.getByRole('row', { name: /Instances/ })).toHaveText(/Instances\s*3\s*5/);
    await expect(change.getByRole('row', { name: /Monthly price/ })).toHaveText(/\$57\.00\s*\$95\.00/);
    // Subscribed today: every day of the month is left, today included, so the quote is a whole month.
    await expect(change).toContainText('$38.00 is charged today for the 2 instances added, for');
    await expectAccessible(page, 'change quantity dialog');
    await change.getByRole('button', { name: 'Confirm the change' }).click();
    await expect(change).toBeHidden();
    await expect(page.getByText('$95.00 (5 instances × $19.00)')).toBeVisible();
    await expect(page.getByRole('spinbutton', { name: 'Instances' })).toBeFocused();
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history.getByRole('row').nth(1)).toContainText('2 more instances (3 to 5)');
    await expect(history.getByRole('row').nth(1)).toContainText('$38.00');

    await page.getByRole('button', { name: 'Change payment method' }).click();
    await expect(page).toHaveURL(/\/sandbox\/payment-method\/[\w-]{43}$/);
    await expect(page.getByText('Visa card ending in 4242')).toBeVisible();
    await expectHostedPageAccessible(page, 'update card');
    await fillCard(page, { number: '5555 5555 5555 4444', month: '6', year, cvc: '321' });
    await page.getByRole('button', { name: 'Save the new card' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Payment method updated.' })).toBeVisible();
    await expect(page.getByText(`Mastercard ending in 4444, expires 06/${year}`)).toBeVisible();

    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel the subscription?' });
    await expect(cancel).toContainText('The 5 instances of Globex on the Standard plan stop now and are no longer billed.');
    await cancel.getByLabel('Reason (optional)').fill('Moving the workloads in-house');
    await expectAccessible(page, 'cancel dialog');
    const cancelRequest = page.waitForRequest((request) => request.url().includes('action=cancelsubscription'));
    await cancel.getByRole('button', { name: 'Cancel subscription' }).click();
    expect((await cancelRequest).postDataJSON()).toEqual({ org_id: GLOBEX, reason: 'Moving the workloads in-house' });
    await expect(page.getByText('No subscription')).toBeVisible();
    await expect(page.getByText('The subscription is canceled.')).toBeVisible();
    // The payments stay in the history.
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(page.getByText('2 entries, all paid.')).toBeVisible();
  });

  test('abandoning the checkout changes nothing, and its page cannot be framed', async ({ page, signIn }) => {
    await signIn('adminGlobex');
    await page.goto(`/organizations/${GLOBEX}/subscription`);
    await page.getByRole('spinbutton', { name: /Instances/ }).fill('2');
    const checkout = page.waitForResponse((response) => response.url().includes('/sandbox/checkout/'));
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    const headers = (await checkout).headers();
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("form-action 'self'");
    await page.getByRole('link', { name: 'Cancel and return to the console' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Checkout canceled: nothing was charged.' })).toBeVisible();
    await expect(page.getByText('No subscription')).toBeVisible();
    await expect(page.getByText('No payments yet.')).toBeVisible();
    // The quantity chosen is still there, to try again.
    await expect(page.getByRole('spinbutton', { name: /Instances/ })).toHaveValue('2');
  });

  test('a billing manager sees the subscription and may change the card, but not start, change or cancel', async ({ page, signIn }) => {
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Subscription' }).click();
    await expect(page.getByText('$76.00 (4 instances × $19.00)')).toBeVisible();
    await expect(page.getByText('admin@acme.test')).toBeVisible();
    await expect(page.getByRole('table', { name: /Billing history/ }).getByText('Unpaid')).toBeVisible();
    await expect(page.getByText('Only admins can change the number of instances or cancel the subscription. You can change the payment method.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Change quantity' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Cancel subscription' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Continue to payment' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Change payment method' })).toBeEnabled();
    await expectAccessible(page, 'subscription as billing manager');
  });

  test('a viewer has no subscription page', async ({ page, signIn }) => {
    await signIn('viewerAcme');
    const cloudPlans: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/organizations/billing/')) cloudPlans.push(request.url());
    });
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Subscription' })).toHaveCount(0);
    await page.goto(`/organizations/${ACME}/subscription`);
    await expect(page.getByRole('heading', { name: 'Subscription details are not available to your role' })).toBeVisible();
    expect(cloudPlans).toEqual([]);
  });

  test('at 375 px the page fits the screen, the history included', async ({ page, signIn }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/subscription`);
    await expect(page.getByRole('table', { name: /Billing history/ }).getByRole('row')).toHaveCount(9);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the subscription page scrolls sideways').toBeLessThanOrEqual(0);
    // The table must not hide its last columns in a sideways scroll either: amount and status show.
    const first = page
      .getByRole('table', { name: /Billing history/ })
      .getByRole('row')
      .nth(1);
    await first.scrollIntoViewIfNeeded();
    await expect(first.getByText(/^(Paid|Unpaid)$/)).toBeInViewport({ ratio: 1 });
    await expect(first.getByRole('cell').filter({ hasText: /^\$\d+\.\d{2}$/ })).toBeInViewport({ ratio: 1 });
    await expect(first).toContainText('Due ');
    // What tells a prorated charge from a renewal shows on a phone too, under the date.
    const rows = page.getByRole('table', { name: /Billing history/ }).getByRole('row');
    const prorated = rows.filter({ hasText: /more instance/ }).first();
    await prorated.scrollIntoViewIfNeeded();
    await expect(prorated.getByText(/more instance/).filter({ visible: true })).toHaveCount(1);
    await expect(
      rows
        .filter({ hasText: /plan, \d+ instances/ })
        .first()
        .getByText(/plan, \d+ instances/)
        .filter({ visible: true }),
    ).toHaveCount(1);
  });

  test('an admin sorts the history and exports what is shown as CSV', async ({ page, signIn }) => {
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/subscription`);
    const history = page.getByRole('table', { name: /Billing history/ });
    await expect(history.getByRole('row')).toHaveCount(9);
    await history.getByRole('button', { name: /Amount/ }).click();
    await history.getByRole('button', { name: /Amount/ }).click();
    await expect(page).toHaveURL(/sort=amount&dir=asc/);
    await expect(history.getByRole('row').nth(1)).toContainText('$6.33');
    await page.reload();
    await expect(history.getByRole('row').nth(1)).toContainText('$6.33');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^cloud-plans-history-acme-corp-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(await file.path(), 'utf8');
    expect(text.startsWith('\uFEFF'), 'a UTF-8 byte order mark, as in the invoice export').toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('date,due_date,status,currency,amount,description,id');
    expect(lines).toHaveLength(9);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},paid,USD,6\.33,/);
  });
});
