import iconv from 'iconv-lite';
import { SPEC_DEFS } from '../db/seed/data';
import { addMonths, dateInTz, monthStart } from '../lib/time';
import { expect, pinnedNow, signedInPage, test } from './fixtures';

// The orders go to a month eight months back: older than the test data set's history, so no
// other spec's figures (the oracle's week and month, the current views) change.
const month = addMonths(monthStart(dateInTz(pinnedNow() ?? new Date())), -8);
const day = (d: number) => `${month.slice(0, 8)}${String(d).padStart(2, '0')}`;
const [zh, yx] = SPEC_DEFS.filter((s) => s.core);

test('an admin imports an orders CSV from Excel (GBK) and the supervisor’s target figures move', async ({ page, loginAs, browser }) => {
  test.setTimeout(120_000);
  const sup = await signedInPage(browser, 'sup1');
  const targets = `/dashboard/targets?period=month&at=${month}`;
  const purchasesOfTeam = async () => {
    await sup.goto(targets);
    const rows = sup.getByTestId('targets-by-manager').locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const cells = await rows.locator('td:nth-child(4)').allTextContents();
    return cells.map(Number).reduce((a, b) => a + b, 0);
  };
  expect(await purchasesOfTeam()).toBe(0);

  // two of team 1's shops, from the supervisor's own retailer export (CSV by default)
  const retailersCsv = await (await sup.request.get('/api/v1/export/retailers')).text();
  const licences = retailersCsv
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(',')[0])
    .filter((l) => /^\d{12}$/.test(l));
  expect(licences.length).toBeGreaterThan(1);

  const file = [
    '订单号,许可证号,订货日期,送货日期,结算状态,失败原因,规格编码,订购量,供货量,金额(元)',
    `E2E-IMP-1,${licences[0]},${day(3)},${day(4)},成功,,${zh.code},10,8,${(8 * zh.wholesale).toFixed(2)}`,
    `E2E-IMP-1,${licences[0]},${day(3)},${day(4)},成功,,${yx.code},5,5,${(5 * yx.wholesale).toFixed(2)}`,
    `E2E-IMP-2,${licences[0]},${day(10)},${day(11)},失败,余额不足,${zh.code},4,0,0`,
    `E2E-IMP-3,${licences[1]},${day(10)},${day(11)},成功,,99999999,1,1,10`,
    `E2E-IMP-4,${licences[1]},${month.slice(0, 7)}-32,${day(11)},成功,,${zh.code},1,1,381.6`,
  ].join('\r\n');
  const upload = { name: '订单.csv', mimeType: 'text/csv', buffer: iconv.encode(file, 'gbk') };

  await loginAs('admin');
  await page.goto('/admin/imports');
  await expect(page.getByRole('navigation', { name: '管理菜单' }).getByRole('link', { name: '数据导入' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('导入类型')).toHaveValue('orders');
  await expect(page.getByTestId('import-columns')).toContainText('结算状态');

  const importOnce = async () => {
    await page.getByLabel('选择文件').setInputFiles(upload);
    await page.getByRole('button', { name: '检查文件' }).click();
    const report = page.getByTestId('import-report');
    await expect(report).toContainText('GBK');
    await expect(page.getByTestId('report-total')).toHaveAttribute('data-value', '5');
    await expect(page.getByTestId('report-valid')).toHaveAttribute('data-value', '3');
    await expect(page.getByTestId('report-invalid')).toHaveAttribute('data-value', '2');
    const issues = page.getByTestId('report-issues').locator('tbody tr');
    await expect(issues).toHaveCount(2);
    await expect(issues.nth(0)).toContainText('规格编码 99999999 不在卷烟规格中');
    await expect(issues.nth(1)).toContainText('订货日期');
    await page.getByRole('button', { name: '导入 3 行' }).click();
    await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 60_000 });
  };

  await importOnce();
  await expect(page.getByTestId('result-inserted')).toHaveAttribute('data-value', '3');
  // the same file again (a retry, a second click) adds nothing
  await importOnce();
  await expect(page.getByTestId('result-inserted')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('result-unchanged')).toHaveAttribute('data-value', '3');

  // one shop, so one manager: supplied 条 by delivery date 8 + 5 (the failed order supplied
  // nothing), order fill 13 ÷ 19
  expect(await purchasesOfTeam()).toBe(13);
  const fills = await sup.getByTestId('targets-by-manager').locator('tbody tr td:nth-child(7)').allTextContents();
  expect(fills).toContain('68.4%');
  await sup.close();
});

test('the upload checks who asks and from where', async ({ page, loginAs, browser, baseURL }) => {
  const form = { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('订单号\r\n') } };
  const origin = new URL(baseURL!).origin;
  const anon = await browser.newPage();
  expect((await anon.request.post('/api/v1/imports/orders', { multipart: form, headers: { origin } })).status()).toBe(401);
  await anon.close();
  const sup = await signedInPage(browser, 'sup1');
  expect((await sup.request.post('/api/v1/imports/orders', { multipart: form, headers: { origin } })).status()).toBe(403);
  await sup.close();
  await loginAs('admin');
  expect((await page.request.post('/api/v1/imports/orders', { multipart: form, headers: { origin: 'https://evil.example' } })).status()).toBe(403);
  expect((await page.request.post('/api/v1/imports/nothing', { multipart: form, headers: { origin } })).status()).toBe(404);
  const checked = await page.request.post('/api/v1/imports/orders?mode=validate', { multipart: form, headers: { origin } });
  expect(checked.status()).toBe(200);
  expect((await checked.json()).data.report.fileErrors[0]).toMatch(/^缺少必填列：许可证号/);
});
