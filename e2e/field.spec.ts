import type { Locator, Page } from '@playwright/test';
import { expect, signedInPage, test } from './fixtures';

// A customer manager's day on a phone-sized screen.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Counts what the manager does: every tap and every typed field. */
class Taps {
  n = 0;
  constructor(readonly page: Page) {}
  async click(l: Locator) {
    this.n++;
    await l.click();
  }
  async fill(l: Locator, v: string) {
    this.n++;
    await l.fill(v);
  }
  async select(l: Locator, v: string | { index: number }) {
    this.n++;
    await l.selectOption(v);
  }
}

async function pendingShops(page: Page) {
  await page.goto('/today');
  const items = page.getByTestId('schedule').locator('li');
  await expect(items.first()).toBeVisible();
  const pending = page.getByTestId('schedule').locator('li', { has: page.getByText('待拜访') });
  return pending;
}

async function openVisit(page: Page, taps: Taps, shop: Locator) {
  const name = (await shop.locator('p.font-medium').textContent())!.trim();
  await taps.click(shop.getByRole('link', { name: '开始拜访' }));
  await expect(page.getByTestId('visit-shop')).toHaveText(name);
  return name;
}

async function visitCountFor(page: Page, shopName: string) {
  await page.goto(`/visits?q=${encodeURIComponent(shopName)}`);
  const total = await page.getByTestId('table-total').textContent();
  return Number(total!.match(/\d+/)![0]);
}

test('a whole visit from the schedule to synced, with a complaint, in at most 40 taps', async ({ page, loginAs }) => {
  await loginAs('manager');
  const taps = new Taps(page);
  const shop = (await pendingShops(page)).first();
  const shopName = await openVisit(page, taps, shop);

  await taps.click(page.getByRole('button', { name: '开始拜访' }));
  await expect(page.getByTestId('visit-started')).toBeVisible();

  for (const name of ['问询经营情况', '查看库存陈列', '介绍政策品牌', '整理柜台价签', '收集市场信息', '解答客户问题', '记录拜访效果']) {
    await taps.click(page.getByRole('button', { name: `${name} 已完成` }));
  }

  // ten stock lines: those pre-filled from the last visit, topped up to ten if the shop has fewer
  const lines = page.getByTestId('stock-lines').locator('li');
  let count = await lines.count();
  while (count < 10) {
    await taps.select(page.getByRole('combobox', { name: '添加规格' }), { index: 1 });
    count++;
    await taps.fill(lines.nth(count - 1).locator('input'), '3');
  }
  const inputs = page.getByTestId('stock-lines').locator('li input');
  const changed = ['7', '0', '15'];
  for (let i = 0; i < 3; i++) await taps.fill(inputs.nth(i), changed[i]);
  // key specs never carried before have no pre-fill: they must be typed too
  const blanks = await inputs.evaluateAll((els) => (els as HTMLInputElement[]).map((e, i) => (e.value === '' ? i : -1)).filter((i) => i >= 0));
  for (const i of blanks) await taps.fill(inputs.nth(i), '0');
  await taps.click(lines.nth(0).getByRole('button', { name: /上柜$/ }));

  await taps.click(page.getByRole('button', { name: '＋ 添加信息' }));
  await taps.select(page.getByRole('combobox', { name: '信息类别' }), 'market');
  await taps.fill(page.getByRole('textbox', { name: '信息内容' }), '周边新开超市，中高档烟需求上升');

  await taps.click(page.getByRole('button', { name: '＋ 登记投诉' }));
  await taps.select(page.getByRole('combobox', { name: '投诉类别' }), 'delivery');
  await taps.fill(page.getByRole('textbox', { name: '投诉内容' }), '送货时间不固定，希望提前通知');

  await taps.click(page.getByRole('button', { name: '结束并提交' }));
  await expect(page.getByTestId('visit-sync-state')).toHaveAttribute('data-state', 'synced');
  expect(taps.n).toBeLessThanOrEqual(40);
  test.info().annotations.push({ type: 'taps', description: String(taps.n) });
  console.log(`whole visit: ${taps.n} taps and typed fields`);

  // the record on the server is exactly what was entered
  expect(await visitCountFor(page, shopName)).toBeGreaterThanOrEqual(1);
  await page.getByTestId('visit-table').getByRole('link').first().click();
  await expect(page.getByTestId('visit-complaints')).toContainText('送货时间不固定，希望提前通知');
  const stockCells = page.getByTestId('visit-stock').locator('tbody tr td:nth-child(2)');
  const values = await stockCells.allTextContents();
  expect(values.length).toBeGreaterThanOrEqual(10);
  for (const v of changed) expect(values).toContain(v);

  // Today shows it as visited and counts it
  await page.goto('/today');
  await expect(page.getByTestId('schedule').locator('li', { hasText: shopName })).toContainText('已拜访');
});

test('offline: started and finished with no network, reloaded offline, synced exactly once', async ({ page, context, loginAs }) => {
  await loginAs('mgr2');
  await page.goto('/today');
  // the service worker keeps the field pages; wait until the visit form is stored on the device
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await expect.poll(() => page.evaluate(async () => !!(await caches.match('/visit'))), { timeout: 30_000 }).toBe(true);
  const shop = (await pendingShops(page)).first();
  const shopName = (await shop.locator('p.font-medium').textContent())!.trim();
  const href = (await shop.getByRole('link', { name: '开始拜访' }).getAttribute('href'))!;
  await page.goto(href); // once online, so its data is on the device
  await expect(page.getByTestId('visit-shop')).toHaveText(shopName);
  const visitsBefore = await visitCountFor(page, shopName);

  await context.setOffline(true);
  await page.goto(href);
  await expect(page.getByTestId('visit-shop')).toHaveText(shopName);
  await page.getByRole('button', { name: '开始拜访' }).click();
  const first = page.getByTestId('stock-lines').locator('li input').first();
  await first.fill('42');
  await page.getByRole('button', { name: '问询经营情况 已完成' }).click();

  await page.reload();
  await expect(page.getByTestId('visit-shop')).toHaveText(shopName);
  await expect(page.getByTestId('stock-lines').locator('li input').first()).toHaveValue('42');
  await expect(page.getByTestId('visit-started')).toBeVisible();
  await expect(page.getByRole('button', { name: '问询经营情况 已完成' })).toHaveAttribute('aria-pressed', 'true');

  const inputs = page.getByTestId('stock-lines').locator('li input');
  const blanks = await inputs.evaluateAll((els) => (els as HTMLInputElement[]).map((e, i) => (e.value === '' ? i : -1)).filter((i) => i >= 0));
  for (const i of blanks) await inputs.nth(i).fill('1');
  await page.getByRole('button', { name: '结束并提交' }).click();
  await expect(page.getByTestId('visit-sync-state')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('visit-sync-state')).toHaveText('已保存在本机，联网后自动上传');

  await context.setOffline(false);
  await page.goto('/today');
  await expect(page.getByTestId('outbox').locator('li', { hasText: shopName })).toHaveAttribute('data-state', 'synced');
  // a second sync round (reload) must not send it again
  await page.reload();
  await expect(page.getByTestId('outbox').locator('li', { hasText: shopName })).toHaveAttribute('data-state', 'synced');
  expect(await visitCountFor(page, shopName)).toBe(visitsBefore + 1);
});

test('bad input shows the errors next to the fields and saves nothing', async ({ page, loginAs }) => {
  await loginAs('manager');
  const shop = (await pendingShops(page)).nth(1);
  const shopName = (await shop.locator('p.font-medium').textContent())!.trim();
  const href = (await shop.getByRole('link', { name: '开始拜访' }).getAttribute('href'))!;
  const count = await visitCountFor(page, shopName);
  await page.goto(href);
  await page.getByRole('button', { name: '开始拜访' }).click();
  const inputs = page.getByTestId('stock-lines').locator('li input');
  await inputs.nth(0).fill('-3');
  await inputs.nth(1).fill('abc');
  await page.getByRole('button', { name: '结束并提交' }).click();
  await expect(page.getByTestId('visit-form-error')).toHaveText('请修改标红的内容后重新提交');
  await expect(page.locator('#err-stockLines\\.0\\.stock')).toHaveText('库存不能为负数');
  await expect(page.locator('#err-stockLines\\.1\\.stock')).toHaveText('库存请填写整数条数');
  await expect(inputs.nth(0)).toHaveAttribute('aria-invalid', 'true');

  // the server refuses the same on its own, with the same words
  const res = await page.request.post('/api/v1/visits', {
    headers: { origin: new URL(page.url()).origin },
    data: {
      clientId: '00000000-0000-4000-8000-000000000001',
      retailerId: Number(new URL(page.url()).searchParams.get('r')),
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      endedAt: new Date(Date.now() - 120_000).toISOString(),
      deviceSentAt: new Date().toISOString(),
      sections: { ask: { done: true }, look: { done: true }, introduce: { done: true }, tidy: { done: true }, collect: { done: true }, answer: { done: true }, record: { done: true } },
      illegalFound: false,
      stockLines: [{ specId: 1, stock: -1, onCounter: true, priceTagOk: true }],
    },
  });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.fieldErrors['stockLines.0.stock']).toEqual(['库存不能为负数']);
  expect(body.fieldErrors.endedAt).toEqual(['结束时间不能早于开始时间']);

  expect(await visitCountFor(page, shopName)).toBe(count);
});

test('a missed shop keeps its reason', async ({ page, loginAs }) => {
  await loginAs('manager');
  const shop = (await pendingShops(page)).last();
  const name = (await shop.locator('p.font-medium').textContent())!.trim();
  await shop.getByRole('button', { name: '未拜访' }).click();
  await shop.getByRole('button', { name: '保存' }).click();
  await expect(shop.locator('#missed-' + (await shop.getAttribute('data-retailer')) + '-reason')).toHaveText('请选择未拜访原因');
  await shop.getByRole('combobox', { name: '原因' }).selectOption('other');
  await shop.getByRole('button', { name: '保存' }).click();
  await expect(shop.getByText('选择“其他”时请填写说明')).toBeVisible();
  await shop.getByRole('textbox', { name: '说明' }).fill('店主外出进货');
  await shop.getByRole('button', { name: '保存' }).click();
  const row = page.getByTestId('schedule').locator('li', { hasText: name });
  await expect(row).toContainText('未拜访：其他');
  await page.reload();
  await expect(page.getByTestId('schedule').locator('li', { hasText: name })).toContainText('未拜访：其他');
});

test("a manager cannot open another manager's shop or visit by URL (404)", async ({ browser }) => {
  // what another team's supervisor can see gives real ids outside mgr1's scope
  const other = await signedInPage(browser, 'sup2');
  await other.goto('/retailers');
  const shopHref = await other.getByTestId('retailer-table').getByRole('link').first().getAttribute('href');
  await other.goto('/visits');
  const visitHref = await other.getByTestId('visit-table').getByRole('link').first().getAttribute('href');
  await other.close();

  const page = await signedInPage(browser, 'mgr1');
  for (const path of [shopHref!, visitHref!, `/visit?r=${shopHref!.split('/').pop()}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const api = await page.request.get(`/api/v1/prefill?retailer=${shopHref!.split('/').pop()}`);
  expect(api.status()).toBe(404);
  await page.close();
});

test('retailer files: search, filter and open a shop with its history and chart', async ({ page, loginAs }) => {
  await loginAs('manager');
  await page.goto('/retailers');
  const total = Number((await page.getByTestId('table-total').textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(20);
  await page.getByRole('combobox', { name: '档位' }).selectOption('25-30');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/grade=25-30/);
  const filtered = Number((await page.getByTestId('table-total').textContent())!.match(/\d+/)![0]);
  expect(filtered).toBeLessThan(total);
  const grades = await page.getByTestId('retailer-table').locator('tbody tr td:nth-child(3)').allTextContents();
  expect(grades.every((g) => Number(g) >= 25)).toBe(true);
  await page.getByTestId('retailer-table').getByRole('link').first().click();
  await expect(page.getByTestId('retailer-name')).toBeVisible();
  await expect(page.getByTestId('retailer-visits').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('stock-trend-chart').locator('.recharts-line-curve').first()).toBeVisible();
});
