import { expect, signedInPage, test } from './fixtures';

test('a daily report is submitted, returned with a comment, edited, resubmitted and approved', async ({ browser }) => {
  test.setTimeout(120_000);
  const mgr = await signedInPage(browser, 'mgr1');
  await mgr.goto('/reports');
  await mgr.getByTestId('open-today-report').click();
  await expect(mgr).toHaveURL(/\/reports\/daily\/\d{4}-\d{2}-\d{2}$/);
  const reportUrl = mgr.url();
  // the computed items are there before the manager writes a word
  await expect(mgr.getByTestId('daily-figures')).toBeVisible();
  const made = Number(await mgr.getByTestId('item-made').locator('[data-value]').getAttribute('data-value'));
  expect(made).toBeGreaterThanOrEqual(0);

  // submitting empty says what is missing, next to the fields
  await mgr.getByLabel('8. 反映的共性问题').fill('');
  await mgr.getByLabel('10. 主要收获').fill('');
  await mgr.getByRole('button', { name: '提交' }).click();
  await expect(mgr.locator('#gains-err')).toContainText('请填写当天的主要收获');
  await expect(mgr.getByLabel('10. 主要收获')).toHaveAttribute('aria-invalid', 'true');

  for (const input of await mgr.locator('input[id^="missed-"]').all()) if (!(await input.inputValue())) await input.fill('店主不在，电话联系过');
  await mgr.getByLabel('8. 反映的共性问题').fill('多户反映中华(硬)断货');
  await mgr.getByLabel('10. 主要收获').fill('新增两户上柜');
  await mgr.getByRole('button', { name: '提交' }).click();
  await expect(mgr.getByTestId('report-status')).toHaveAttribute('data-status', 'submitted');
  await expect(mgr.getByTestId('gains')).toContainText('新增两户上柜');

  // the supervisor finds it among the team's reports and returns it
  const sup = await signedInPage(browser, 'sup1');
  await sup.goto('/reviews');
  const day = reportUrl.split('/').pop()!;
  const row = sup.getByTestId('review-table').getByRole('row').filter({ hasText: day }).filter({ hasText: '待审核' }).filter({ hasText: '日报' }).first();
  await row.getByRole('link', { name: '查看' }).click();
  await expect(sup).toHaveURL(/\/reviews\/daily\/\d+$/);
  const reviewUrl = sup.url();
  await expect(sup.getByTestId('gains')).toContainText('新增两户上柜');
  await sup.getByRole('button', { name: '退回修改' }).click();
  await expect(sup.locator('#review-comment-err')).toContainText('退回时请写明');
  await sup.getByRole('textbox', { name: '审核意见（退回时必填）' }).fill('请写明断货的具体客户');
  await sup.getByRole('button', { name: '退回修改' }).click();
  await expect(sup.getByTestId('report-status')).toHaveAttribute('data-status', 'returned');

  // another team's supervisor cannot even see it
  const other = await signedInPage(browser, 'sup2');
  expect((await other.request.get(reviewUrl)).status()).toBe(404);

  // the manager sees why, edits and resubmits
  await mgr.goto(reportUrl);
  await expect(mgr.getByTestId('returned-banner')).toContainText('请写明断货的具体客户');
  await mgr.getByLabel('8. 反映的共性问题').fill('多户反映中华(硬)断货：测试路1号、测试路3号');
  await mgr.getByRole('button', { name: '提交' }).click();
  await expect(mgr.getByTestId('report-status')).toHaveAttribute('data-status', 'submitted');

  await sup.goto(reviewUrl);
  await expect(sup.getByTestId('common-issues')).toContainText('测试路1号');
  await sup.getByRole('button', { name: '通过' }).click();
  await expect(sup.getByTestId('report-status')).toHaveAttribute('data-status', 'approved');
  await expect(sup.getByTestId('review-history').getByRole('listitem')).toHaveCount(4);

  await mgr.goto('/reports');
  await expect(mgr.getByTestId('recent-daily').getByRole('link').filter({ hasText: day }).getByTestId('report-status')).toHaveAttribute('data-status', 'approved');
});

test('the supervisor sees missing and late reports of the own team only', async ({ browser }) => {
  const sup = await signedInPage(browser, 'sup1');
  await sup.goto('/reviews?from=2000-01-01');
  const table = sup.getByTestId('review-table');
  await expect(table).toBeVisible();
  // team 1 is mgr1 and mgr2; no other team's manager appears
  const text = await sup.locator('main').innerText();
  expect(text).toMatch(/待审核|已通过|未提交/);
  const managerOptions = await sup.getByRole('combobox', { name: '客户经理' }).locator('option').allInnerTexts();
  expect(managerOptions.length).toBe(3); // "all" and the team's two managers
});
