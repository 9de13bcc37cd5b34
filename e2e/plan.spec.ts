import { expect, signedInPage, test } from './fixtures';

test('next month’s plan is proposed, edited in the calendar, submitted and approved', async ({ browser }) => {
  test.setTimeout(120_000);
  const mgr = await signedInPage(browser, 'mgr1');
  mgr.on('dialog', (d) => d.accept());
  await mgr.goto('/plan');
  await mgr.getByRole('button', { name: '按频次生成' }).click();
  const calendar = mgr.getByTestId('plan-calendar');
  await expect(calendar.locator('button[data-count]:not([data-count="0"])').first()).toBeVisible();
  const checks = mgr.getByTestId('plan-checks');
  await expect(checks.getByTestId('check-coverage')).toHaveAttribute('data-uncovered', '0');
  const planned = await calendar.locator('button[data-count]').evaluateAll((els) => els.reduce((a, e) => a + Number(e.getAttribute('data-count')), 0));
  expect(planned).toBeGreaterThan(0);

  // open the first planned day and move its first shop to the last working day
  const day = calendar.locator('button[data-count]:not([data-count="0"])').first();
  const from = (await day.getAttribute('data-day'))!;
  const before = Number(await day.getAttribute('data-count'));
  await day.click();
  const panel = mgr.getByTestId('plan-day');
  await expect(panel.getByTestId('plan-item')).toHaveCount(before);
  const move = panel.getByTestId('plan-item').first().getByRole('combobox');
  const options = await move.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
  const to = options[options.length - 1];
  const toBefore = Number(await calendar.locator(`button[data-day="${to}"]`).getAttribute('data-count'));
  await move.selectOption(to);
  await expect(calendar.locator(`button[data-day="${from}"]`)).toHaveAttribute('data-count', String(before - 1));
  await expect(calendar.locator(`button[data-day="${to}"]`)).toHaveAttribute('data-count', String(toBefore + 1));

  await mgr.getByRole('button', { name: '提交审核' }).click();
  await expect(mgr.getByTestId('report-status')).toHaveAttribute('data-status', 'submitted');
  await expect(mgr.getByRole('button', { name: '按频次生成' })).toHaveCount(0);

  const sup = await signedInPage(browser, 'sup1');
  await sup.goto('/reviews');
  const month = to.slice(0, 7);
  await sup.getByTestId('team-plans').getByRole('link').filter({ hasText: month }).filter({ hasText: '待审核' }).first().click();
  await expect(sup).toHaveURL(/\/reviews\/plan\/\d+$/);
  await expect(sup.getByTestId('plan-calendar').locator(`button[data-day="${to}"]`)).toHaveAttribute('data-count', String(toBefore + 1));
  await sup.getByRole('button', { name: '通过' }).click();
  await expect(sup.getByTestId('report-status')).toHaveAttribute('data-status', 'approved');

  await mgr.reload();
  await expect(mgr.getByTestId('report-status')).toHaveAttribute('data-status', 'approved');
  await expect(mgr.getByText('计划已审核通过')).toBeVisible();
});
