import { ACME, expect, expectAccessible, test } from './fixtures';

test.describe('plan', () => {
  test('an admin switches Acme to Business after seeing the new cost, and the overview shows it', async ({ page, signIn }) => {
    // A whole journey with two axe passes (page and dialog, each in both themes).
    test.slow();
    await signIn('adminAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await expect(page.getByText('$299.00')).toBeVisible();
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Plan' }).click();

    const business = page.getByRole('article', { name: 'Business' });
    await expect(business).toContainText('$899.00');
    await expect(business).toContainText('$600.00 more per month than your plan');
    await expect(page.getByRole('article', { name: 'Team' })).toContainText('Current plan');
    await expect(page.getByRole('table', { name: 'Plans no longer offered' }).getByRole('button')).toHaveCount(0);
    await expectAccessible(page, 'plan');

    await business.getByRole('button', { name: 'Switch to Business' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch to Business?' });
    await expect(dialog).toContainText('New monthly cost$899.00 / month');
    await expect(dialog).toContainText('$600.00 more per month than your plan.');
    await expect(dialog).toContainText('Charged now$0.00');
    const renewal = (await dialog.textContent())?.match(/From the renewal on ([A-Z][a-z]+ \d{1,2}, \d{4})\$899\.00 \/ month/)?.[1];
    expect(renewal, 'the dialog names the renewal the new price starts with').toBeTruthy();
    await expectAccessible(page, 'change plan dialog');
    await dialog.getByRole('button', { name: 'Switch to Business' }).click();
    // The confirmation says the same thing: the new price from that renewal, nothing now.
    await expect(page.getByRole('status').filter({ hasText: `Acme Corp is now on Business: $899.00 per month from the renewal on ${renewal}` })).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(business).toContainText('Current plan');
    // The dialog's opener went away: the browser must not drop the focus to <body>.
    await expect(page.getByRole('heading', { name: 'Your plan' })).toBeFocused();

    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    const card = (title: string) => page.locator('section').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    const costCard = card('Current cost');
    await expect(costCard).toContainText('$899.00 / month');
    await expect(card('Plan')).toContainText('Business');
    await page.reload();
    await expect(costCard).toContainText('$899.00 / month');
  });

  test('a move to User warns that billing will need credit, and cancelling changes nothing', async ({ page, signIn }) => {
    await signIn('adminAcme');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/changePlan')) posts.push(request.url());
    });
    await page.goto(`/organizations/${ACME}/plan`);
    await page.getByRole('button', { name: 'Switch to User' }).click();
    const dialog = page.getByRole('dialog', { name: 'Switch to User?' });
    await expect(dialog).toContainText('New monthly cost$0.00 / month');
    await expect(dialog).toContainText('User runs on credit, not on invoices');
    await expectAccessible(page, 'change plan dialog, onto credit');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('article', { name: 'Team' })).toContainText('Current plan');
    expect(posts).toEqual([]);
  });

  test('a billing manager sees the plans and why they cannot change them; the API refuses too', async ({ page, signIn, api }) => {
    await signIn('billingAcme');
    await page.goto(`/organizations/${ACME}/plan`);
    await expect(page.getByText('Only admins can change the plan')).toBeVisible();
    await expect(page.getByText('You are a billing manager in Acme Corp. Ask one of its admins to switch plans.')).toBeVisible();
    await expect(page.getByRole('article', { name: 'Business' })).toContainText('$899.00');
    await expect(page.getByRole('button', { name: /^Switch to / })).toHaveCount(0);
    await expectAccessible(page, 'plan as billing manager');

    const refused = await api('billingAcme', `/api/organization/${ACME}/changePlan`, { method: 'POST', body: { plan: 'BUSINESS_2025' } });
    expect(refused.status).toBe(403);
    const cost = await api('billingAcme', `/api/organization/${ACME}/currentCost`);
    expect(cost.body).toMatchObject({ plan: 'TEAM_2025' });
  });
});
