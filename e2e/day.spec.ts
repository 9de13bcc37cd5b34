import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, pinnedNow, signIn, test } from './fixtures';

// axe needs a page of a context made with browser.newContext(), not browser.newPage()
async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const pinned = pinnedNow();
  if (pinned) await page.clock.install({ time: pinned });
  await signIn(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

async function noSeriousA11yViolations(page: Page) {
  // the shared sonner toast (richColors) is checked where the toaster is owned, not on every page using it
  const results = await new AxeBuilder({ page }).exclude('[data-sonner-toaster]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test("a supervisor posts the morning briefing and the team's managers read it on Today", async ({ browser }) => {
  const sup = await signedInPage(browser, 'sup1');
  await sup.goto('/briefings');
  await expect(sup.getByRole('heading', { name: '晨会', level: 1 })).toBeVisible();
  // this month's allocation is offered for the supply limits
  await expect(sup.getByTestId('supply-suggestion')).toContainText(/档 \d+条/);
  await expect(sup.getByTestId('briefing-history').locator('li').first()).toBeVisible();
  await noSeriousA11yViolations(sup);

  // all four empty: the message sits under the focus field
  for (const label of ['工作重点', '政策', '货源限量', '问题']) await sup.getByLabel(label, { exact: true }).fill('');
  await sup.getByRole('button', { name: /发布晨会|更新今日晨会/ }).click();
  await expect(sup.locator('#err-focus')).toHaveText('晨会内容不能全部为空，请至少填写工作重点');
  await expect(sup.getByLabel('工作重点', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  const stamp = Date.now().toString(36);
  await sup.getByLabel('工作重点', { exact: true }).fill(`重点拜访企业级客户 ${stamp}`);
  await sup.getByLabel('问题', { exact: true }).fill(`电子结算失败较多，提醒客户存款 ${stamp}`);
  await sup.getByRole('button', { name: '填入本月货源限量' }).click();
  await expect(sup.getByLabel('货源限量', { exact: true })).toHaveValue(/^本周限量（每户每周）：/);
  await sup.getByRole('button', { name: /发布晨会|更新今日晨会/ }).click();
  await expect(sup.getByText(/晨会已发布|今日晨会已更新/)).toBeVisible();
  // posting again the same day updates the one briefing
  await sup.reload();
  await expect(sup.getByRole('button', { name: '更新今日晨会' })).toBeVisible();
  await expect(sup.getByLabel('工作重点', { exact: true })).toHaveValue(`重点拜访企业级客户 ${stamp}`);

  const mgr = await signedInPage(browser, 'mgr1');
  await mgr.goto('/today');
  const card = mgr.getByTestId('briefing');
  await expect(card).toContainText(`重点拜访企业级客户 ${stamp}`);
  await expect(card).toContainText(`问题：电子结算失败较多，提醒客户存款 ${stamp}`);
  await expect(card).toContainText('货源限量：本周限量（每户每周）：');
  // a manager of the other team does not see it
  const other = await signedInPage(browser, 'mgr3');
  await other.goto('/today');
  await expect(other.getByText(stamp)).toHaveCount(0);
});

test('mgr1 calls back a shop whose order failed and records it once', async ({ browser }) => {
  const mgr = await signedInPage(browser, 'mgr1');
  await mgr.goto('/follow-up');
  await expect(mgr.getByRole('heading', { name: '订单回访', level: 1 })).toBeVisible();
  // today may have nothing to call: then the page says so, and we look back day by day
  const todo = mgr.getByTestId('follow-up-todo').getByTestId('follow-up-item');
  const empty = mgr.getByTestId('follow-up-empty');
  await expect(empty.or(mgr.getByTestId('follow-up-item').first())).toBeVisible();
  if (await empty.isVisible()) await expect(empty).toContainText('没有需要回访的失败订单');
  for (let back = 0; back < 30 && (await todo.count()) === 0; back++) {
    const url = mgr.url();
    await mgr.getByTestId('previous-day').click();
    await mgr.waitForURL((u) => u.toString() !== url);
    await expect(mgr.getByTestId('follow-up-summary')).toBeVisible();
  }
  await expect(todo.first()).toBeVisible();

  const item = todo.first();
  const orderNo = (await item.getAttribute('data-order'))!;
  await expect(item.getByTestId('call-link')).toHaveAttribute('href', /^tel:\d{7,}/);
  await expect(item).toContainText(/失败原因(账户余额不足|超出订货时段|不符合订货量规则|其他原因)/);
  await expect(item).toContainText(/订货 \d+ 条 · 供货 \d+ 条/);

  // resolved needs to say how
  await item.getByRole('radio', { name: '已解决' }).check();
  await item.getByRole('button', { name: '保存回访记录' }).click();
  await expect(item.getByText('已解决时请写明如何解决（如：已存款并重新结算）')).toBeVisible();

  const note = `店主在外地，约好明早回电 ${Date.now().toString(36)}`;
  await item.getByRole('radio', { name: '未接通' }).check();
  await item.getByRole('textbox').fill(note);
  await item.getByRole('button', { name: '保存回访记录' }).click();
  await expect(mgr.getByText('回访记录已保存')).toBeVisible();
  const same = mgr.locator(`[data-testid="follow-up-item"][data-order="${orderNo}"]`);
  await expect(same.getByRole('list', { name: '回访记录' })).toContainText(`未接通：${note}`);
  await expect(same.getByRole('list', { name: '回访记录' }).getByText(note)).toHaveCount(1);
  // still to do: not reached is not resolved
  await expect(mgr.getByTestId('follow-up-todo').locator(`[data-order="${orderNo}"]`)).toBeVisible();
  await noSeriousA11yViolations(mgr);

  // the supervisor sees the team's status for the same day, read-only
  const sup = await signedInPage(browser, 'sup1');
  await sup.goto(new URL(mgr.url()).pathname + new URL(mgr.url()).search);
  await expect(sup.getByRole('heading', { name: '订单回访（本市场部）', level: 1 })).toBeVisible();
  await expect(sup.getByTestId('follow-up-team')).toBeVisible();
  const seen = sup.locator(`[data-testid="follow-up-item"][data-order="${orderNo}"]`);
  await expect(seen).toContainText(note);
  await expect(seen.getByRole('button', { name: '保存回访记录' })).toHaveCount(0);
  await expect(seen.getByTestId('call-link')).toHaveCount(0);
});

test("mgr1 prepares tomorrow: the next working day's shops with purchases and agreement", async ({ browser }) => {
  const mgr = await signedInPage(browser, 'mgr1');
  await mgr.goto('/tomorrow');
  await expect(mgr.getByRole('heading', { name: '明日准备', level: 1 })).toBeVisible();
  const dayText = (await mgr.getByTestId('tomorrow-day').textContent())!;
  const day = dayText.match(/\d{4}-\d{2}-\d{2}/)![0];
  const today = (await mgr.evaluate(() => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }))) as string;
  expect(day > today).toBe(true);
  await expect(mgr.getByTestId('time-progress')).toContainText(/本月时间进度 \d+\.\d%/);
  const shops = mgr.getByTestId('tomorrow-shop');
  await expect(shops.first()).toBeVisible();
  const n = await shops.count();
  await expect(mgr.getByText(`计划拜访 ${n} 家`)).toBeVisible();
  for (let i = 0; i < n; i++) {
    await expect(shops.nth(i).getByTestId('purchases')).toHaveText(/^本周 \d+ 条 · 本月 \d+ 条$/);
    await expect(shops.nth(i).getByTestId('agreement')).toHaveText(/^(本月无协议量|\d+ 条\/月 · 执行 (\d+\.\d%|—))$/);
    await expect(shops.nth(i).getByTestId('last-visit')).toHaveText(/^(尚无拜访记录|\d{4}-\d{2}-\d{2} · \d+ 分钟 · 库存合计 \d+ 条)$/);
  }
  await noSeriousA11yViolations(mgr);
  // the same shops as the schedule the manager will see on that day: Today's list for the day comes from the same plan
  const ids = await shops.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-retailer'))));
  expect(new Set(ids).size).toBe(ids.length);
});
