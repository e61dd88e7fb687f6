import { readFile } from 'node:fs/promises';
import { creditCardListSchema } from '../src/api/contract';
import { ACME, expect, expectAccessible, test } from './fixtures';

test.describe('billing activity', () => {
  test('an admin changes the plan in the console and the Activity page shows it, attributed, from the console', async ({ page, signIn }) => {
    test.slow();
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/plan`);
    await page.getByRole('article', { name: 'Business' }).getByRole('button', { name: 'Switch to Business' }).click();
    await page.getByRole('dialog', { name: 'Switch to Business?' }).getByRole('button', { name: 'Switch to Business' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Acme Corp is now on Business' })).toBeVisible();

    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
    const events = page.getByRole('list', { name: 'Billing events, newest first' });
    const first = events.getByRole('listitem').first();
    await expect(first).toContainText('admin@acme.test changed the plan from Team to Business');
    await expect(first).toContainText('via Console');
    await first.getByText('Details').click();
    // In words, as the sentence says it; the CSV keeps the recorded values.
    const change = first.getByRole('table', { name: 'Fields before and after the change' });
    await expect(change.getByRole('row', { name: 'Plan Team Business' })).toBeVisible();
    await expectAccessible(page, 'activity');

    // The overview's recent activity says the same, once scrolled to: it loads when it comes into view.
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('region', { name: 'Recent activity' }).scrollIntoViewIfNeeded();
    const recent = page.getByRole('list', { name: 'Last billing events, newest first' });
    await expect(recent.getByRole('listitem').first()).toContainText('admin@acme.test changed the plan from Team to Business');
    await expect(recent.getByRole('listitem').first()).toContainText('via Console');
    await expectAccessible(page, 'overview with recent activity');
  });

  test('a billing manager filters to credit card events, and the CSV holds those rows only', async ({ page, signIn, api }) => {
    // Seed through the API: a card added and one removed, a credit code redeemed.
    const card = await api('billingAcme', `/api/organization/${ACME}/creditCard`, {
      method: 'POST',
      body: { number: '5555555555554444', cvv: '123', expiry_month: 12, expiry_year: 2030 },
    });
    expect(card.status).toBe(201);
    expect((await api('billingAcme', `/api/organization/${ACME}/creditCode`, { method: 'POST', body: { code: 'WELCOME100' } })).status).toBe(200);
    const listed = await api('billingAcme', `/api/organization/${ACME}/creditCard`);
    const visa = creditCardListSchema.parse(listed.body).results?.find((entry) => entry.last_digit === '4242');
    expect((await api('billingAcme', `/api/organization/${ACME}/creditCard/${visa?.id ?? ''}`, { method: 'DELETE' })).status).toBe(204);

    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/activity`);
    const events = page.getByRole('list', { name: 'Billing events, newest first' });
    await expect(events.getByRole('listitem')).toHaveCount(3);
    await expect(events).toContainText('redeemed a credit code worth $100.00');

    await page.getByLabel('Kind').selectOption({ label: 'Credit cards' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/[?&]kind=CREDIT_CARD/);
    await expect(events.getByRole('listitem')).toHaveCount(2);
    await expect(events.getByRole('listitem').first()).toContainText('finance@acme.test removed the Visa ending 4242');
    await expect(events.getByRole('listitem').nth(1)).toContainText('added the Mastercard ending 4444');
    // Kept in the URL: a reload shows the same view.
    await page.reload();
    await expect(events.getByRole('listitem')).toHaveCount(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('timestamp,triggered_by,origin,origin_label,event_type,sub_target_type,description,change,original_change,user_agent,event_id');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('DELETE,CREDIT_CARD,removed the Visa ending 4242');
    expect(lines[2]).toContain('CREATE,CREDIT_CARD,added the Mastercard ending 4444');
    expect(csv).not.toContain('5555555555554444');

    // A range that ends before it starts is said on the field, not left as an empty list.
    await page.getByLabel('From', { exact: true }).fill('2026-12-07');
    await page.getByLabel('To', { exact: true }).fill('2026-12-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByLabel('To', { exact: true })).toHaveAccessibleDescription('The start date is after the end date.');
  });

  test('a viewer is told who can show the activity, and has no link to it', async ({ page, signIn }) => {
    await signIn('viewerAcme');
    await page.goto(`/organizations/${ACME}/activity`);
    await expect(page.getByText('Billing events are not available to your role')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Activity' })).toHaveCount(0);
  });
});
