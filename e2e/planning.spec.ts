import { expect, pinnedNow, signedInPage, test } from './fixtures';

// The server's clock is pinned to a working day late in the month, so the forms are reached the way
// a manager reaches them outside days 1–10: next month's total forecast is open, this month's too.
function months() {
  const now = pinnedNow() ?? new Date();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
  const [y, m] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
  return { day, next };
}

test('a manager files a total forecast by price class and finds it saved', async ({ browser }) => {
  const page = await signedInPage(browser, 'mgr1');
  await page.goto('/forecasts');
  await expect(page.getByRole('heading', { name: '需求预测' })).toBeVisible();
  await expect(page.getByTestId('window-note')).toBeVisible();

  const { next } = months();
  await page.goto(`/forecasts/total?month=${next}`);
  await expect(page.getByRole('heading', { name: '总量预测' })).toBeVisible();
  // the guide shows the actual ordered 条 of the months before
  await expect(page.getByText(/上月订货 \d+ 条 · 近 3 月月均 \d+ 条/).first()).toBeVisible();

  const qty = [310, 420, 980, 760, 55];
  const classes = ['一类', '二类', '三类', '四类', '五类'];
  // a negative figure is refused next to its field
  await page.getByLabel('二类（条）', { exact: true }).fill('-5');
  for (const [i, c] of classes.entries()) if (i !== 1) await page.getByLabel(`${c}（条）`, { exact: true }).fill(String(qty[i]));
  await page.getByRole('button', { name: '保存总量预测' }).click();
  await expect(page.locator('#err-qty\\.1')).toHaveText('数量不能为负数');
  await expect(page.getByLabel('二类（条）', { exact: true })).toHaveAttribute('aria-describedby', 'err-qty.1');

  await page.getByLabel('二类（条）', { exact: true }).fill(String(qty[1]));
  await expect(page.getByTestId('forecast-sum')).toHaveText(`合计 ${qty.reduce((a, b) => a + b, 0)} 条`);
  await page.getByRole('button', { name: '保存总量预测' }).click();
  await expect(page.getByText(`已保存总量预测，合计 ${qty.reduce((a, b) => a + b, 0)} 条`)).toBeVisible();
  await expect(page.getByTestId('total-saved-at')).toBeVisible();

  await page.reload();
  for (const [i, c] of classes.entries()) await expect(page.getByLabel(`${c}（条）`, { exact: true })).toHaveValue(String(qty[i]));
  await page.close();
});

test('a manager fills a collection point’s weekly sheet', async ({ browser }) => {
  const page = await signedInPage(browser, 'mgr1');
  await page.goto('/collection');
  const points = page.getByTestId('collection-points').getByRole('link');
  await expect(points.first()).toBeVisible();
  await points.first().click();
  await expect(page.getByRole('heading', { name: /^采集表 · / })).toBeVisible();

  const lines = page.locator('[data-testid^="sheet-line-"]');
  const n = await lines.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const line = lines.nth(i);
    await line.getByLabel('销量（条）').fill(String(3 + i));
    await line.getByLabel('库存（条）').fill(String(10 + i));
    await line.getByLabel('断货天数（0–7）').fill('0');
  }
  // more stock-out days than a week has: refused next to the field, nothing saved
  await lines.first().getByLabel('断货天数（0–7）').fill('9');
  await page.getByRole('button', { name: '保存采集表' }).click();
  await expect(page.locator('#err-lines\\.0\\.stockOutDays')).toHaveText('断货天数不能超过 7 天');
  await expect(page.getByTestId('sheet-status')).toHaveText('该周尚未填写。');

  await lines.first().getByLabel('断货天数（0–7）').fill('2');
  await page.getByRole('button', { name: '保存采集表' }).click();
  await expect(page.getByText('已保存采集表')).toBeVisible();
  await expect(page.getByTestId('sheet-status')).toContainText('已于');
  await page.reload();
  // the saved sheet keeps each line where it was typed
  await expect(lines.first().getByLabel('断货天数（0–7）')).toHaveValue('2');
  await expect(lines.first().getByLabel('销量（条）')).toHaveValue('3');
  await expect(lines.nth(n - 1).getByLabel('库存（条）')).toHaveValue(String(10 + n - 1));

  // the team's supervisor reads the same sheet
  const url = new URL(page.url());
  const sup = await signedInPage(browser, 'sup1');
  await sup.goto(`${url.pathname}${url.search}`);
  await expect(sup.getByTestId('sheet-table')).toBeVisible();
  await expect(sup.getByRole('button', { name: '保存采集表' })).toHaveCount(0);
  await sup.close();
  await page.close();
});

test('a supervisor sees the team’s forecast accuracy and a manager’s detail', async ({ browser }) => {
  const page = await signedInPage(browser, 'sup1');
  await page.goto('/forecasts');
  await expect(page.getByRole('heading', { name: '团队预测准确率' })).toBeVisible();
  const table = page.getByTestId('team-accuracy');
  await expect(table).toBeVisible();
  // team 1: mgr1 and mgr2, each with an accuracy figure (the seed files forecasts every month)
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  for (let i = 0; i < 2; i++) await expect(rows.nth(i).locator('td').nth(3)).toHaveText(/^\d{1,3}\.\d%$/);
  await rows.first().getByRole('link').click();
  await expect(page.getByTestId('accuracy-manager')).toBeVisible();
  await expect(page.getByTestId('accuracy-total').locator('tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('accuracy-total-rate')).toHaveText(/^\d{1,3}\.\d%$/);
  await page.close();
});
