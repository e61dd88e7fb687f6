import { ACME, expect, expectAccessible, test } from './fixtures';

test.describe('costs', () => {
  test('a viewer sees three clusters, and the chart shows the table’s numbers', async ({ page, signIn }) => {
    await signIn('viewerAcme');
    await page.goto(`/organizations/${ACME}/overview`);
    await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Costs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Costs' })).toBeVisible();
    await expect(page.getByText('$299.00')).toBeVisible();

    const table = page.getByRole('table', { name: 'Monthly cost range per cluster' });
    const body = table.locator('tbody tr');
    await expect(body).toHaveCount(3);
    await expect(table.locator('tfoot tr')).toHaveText(['Total$886.81$1,161.29$1,829.10']);
    const rows: Array<{ name: string; min: string; now: string; max: string }> = [];
    for (const row of await body.all()) {
      const name = (await row.getByRole('rowheader').textContent())?.match(/^[a-z0-9-]+/)?.[0] ?? '';
      const [min = '', now = '', max = ''] = await row.getByRole('cell').allTextContents();
      rows.push({ name, min, now, max });
    }
    expect(rows.map((row) => row.name)).toEqual(['analytics-gcp', 'production-eu', 'staging-us']);

    // The chart: a labelled picture with one bar per cluster, in the table's order; pointing at a bar
    // shows its numbers. (Bars have no role inside the picture: their class name finds them.)
    const chart = page.getByRole('img', { name: /Monthly cost range per cluster \(USD\)/ });
    await expect(chart).toBeVisible();
    const bars = chart.locator('.cost-range-bar');
    await expect(bars).toHaveCount(rows.length);
    for (const [index, row] of rows.entries()) {
      await expect(chart.getByText(row.name, { exact: true })).toBeVisible();
      // The run-rate tick may sit on top of the bar's middle; either one shows the bar's tooltip.
      await bars.nth(index).locator('rect').first().hover({ force: true });
      const tooltip = page.getByRole('tooltip');
      await expect(tooltip).toContainText(row.name);
      await expect(tooltip).toContainText(`Minimum${row.min}`);
      await expect(tooltip).toContainText(`Now${row.now}`);
      await expect(tooltip).toContainText(`Maximum${row.max}`);
    }
    // And the bars are drawn to those numbers: one scale for every bar's length, each tick where its run rate falls.
    const amount = (text: string) => Number(text.replace(/[^0-9.]/g, ''));
    const scales: number[] = [];
    for (const [index, row] of rows.entries()) {
      const [range, tick] = await bars.nth(index).locator('rect').all();
      if (!range || !tick) throw new Error(`bar ${index} is not drawn`);
      const x = Number(await range.getAttribute('x'));
      const width = Number(await range.getAttribute('width'));
      const tickCentre = Number(await tick.getAttribute('x')) + Number(await tick.getAttribute('width')) / 2;
      const [min, now, max] = [amount(row.min), amount(row.now), amount(row.max)];
      scales.push(width / (max - min));
      expect((tickCentre - x) / width).toBeCloseTo((now - min) / (max - min), 2);
    }
    for (const scale of scales) expect(scale / (scales[0] ?? 1)).toBeCloseTo(1, 2);
    await expectAccessible(page, 'costs');
  });

  test('cluster costs start together as soon as the cluster list arrives, before the page has rendered', async ({ page, signIn }) => {
    await signIn('adminAcme');
    const started = new Map<string, number>();
    const ended = new Map<string, number>();
    // A fixed delay on every answer makes a chain of requests measurable.
    await page.route(/\/api\/organization\/[^/]+\/(cluster|currentCost)/, async (route) => {
      started.set(new URL(route.request().url()).pathname, Date.now());
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    // The page's code arrives late: whatever starts before it did not wait for the page to render.
    await page.route(/\/assets\/costs-route-[^/]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    page.on('requestfinished', (request) => ended.set(new URL(request.url()).pathname.replace(/\/assets\/costs-route-.+/, 'costs-route'), Date.now()));
    await page.goto(`/organizations/${ACME}/costs`);
    await expect(page.getByRole('table', { name: 'Monthly cost range per cluster' }).locator('tfoot')).toContainText('$1,829.10');

    const list = `/api/organization/${ACME}/cluster`;
    const costs = [...started.entries()].filter(([path]) => path.startsWith(`${list}/`));
    expect(costs).toHaveLength(3);
    const listEnded = ended.get(list) ?? Infinity;
    const costStarts = costs.map(([, at]) => at);
    const costEnds = costs.map(([path]) => ended.get(path) ?? 0);
    // They need the list's ids, then all three are in flight at once: none waits for another.
    expect(Math.min(...costStarts)).toBeGreaterThanOrEqual(listEnded - 50);
    expect(Math.max(...costStarts)).toBeLessThan(Math.min(...costEnds));
    // The loader chains them onto the list: they start before the page's code has even arrived.
    expect(Math.max(...costStarts)).toBeLessThan(ended.get('costs-route') ?? 0);
    // The plan cost does not wait for the clusters.
    expect(started.get(`/api/organization/${ACME}/currentCost`) ?? Infinity).toBeLessThan(listEnded);
  });

  test('at 375 px the costs, plan and usage pages fit the screen', async ({ page, signIn }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn('adminAcme');
    for (const [path, ready] of [
      ['costs', page.getByRole('table', { name: 'Monthly cost range per cluster' }).locator('tfoot')],
      ['plan', page.getByRole('article', { name: 'Enterprise' })],
      ['usage', page.getByRole('button', { name: 'Generate report' })],
    ] as const) {
      await page.goto(`/organizations/${ACME}/${path}`);
      await expect(ready).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    // A select cannot wrap its options: each billing cycle's label must fit the phone-wide select.
    const cut = await page.getByRole('combobox', { name: 'Period' }).evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return ['no canvas'];
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return [...select.options].filter((option) => context.measureText(option.text).width > room).map((option) => option.text);
    });
    expect(cut).toEqual([]);
    await page.goto(`/organizations/${ACME}/costs`);
    await expect(page.getByRole('img', { name: /Monthly cost range per cluster/ })).toBeVisible();
    await expectAccessible(page, 'costs at 375 px');
  });
});
