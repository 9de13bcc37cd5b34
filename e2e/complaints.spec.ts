import type { Page } from '@playwright/test';
import { expect, pinnedNow, signedInPage, test } from './fixtures';

async function step(page: Page, button: string, note?: string) {
  if (note) await page.getByRole('textbox', { name: '说明' }).fill(note);
  await page.getByRole('button', { name: button }).click();
}

test('a complaint raised at a visit goes to closure; an unsatisfied follow-up reopens it', async ({ browser }) => {
  const mgr = await signedInPage(browser, 'mgr1');
  // a visit with a complaint, sent the way the phone's queue sends it
  const day = await (await mgr.request.get('/api/v1/prefill')).json();
  const shop = day.shops[day.shops.length - 1];
  const now = pinnedNow() ?? new Date();
  const res = await mgr.request.post('/api/v1/visits', {
    headers: { origin: new URL(mgr.url()).origin },
    data: {
      clientId: crypto.randomUUID(),
      retailerId: shop.id,
      startedAt: new Date(now.getTime() - 15 * 60_000).toISOString(),
      endedAt: new Date(now.getTime() - 3 * 60_000).toISOString(),
      deviceSentAt: now.toISOString(),
      sections: Object.fromEntries(['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'].map((k) => [k, { done: true }])),
      illegalFound: false,
      stockLines: shop.keySpecIds.map((id: number) => ({ specId: id, stock: 5, onCounter: true, priceTagOk: true })),
      complaints: [{ category: 'delivery', description: '送货员把货放在门口没有当面点验' }],
    },
  });
  expect(res.status()).toBe(200);
  const [number] = (await res.json()).data.complaintNumbers as string[];

  const sup = await signedInPage(browser, 'sup1');
  await sup.goto(`/complaints?q=${number}`);
  await sup.getByRole('link', { name: number }).click();
  await expect(sup).toHaveURL(/\/complaints\/\d+$/);
  const url = sup.url();
  await expect(sup.getByTestId('complaint-status')).toHaveText('已受理');
  // assigning needs a person; then to the manager, reassigned once
  await step(sup, '分派');
  await expect(sup.getByText('请选择处理人')).toBeVisible();
  const options = sup.getByRole('combobox', { name: '选择处理人' }).locator('option');
  await sup.getByRole('combobox', { name: '选择处理人' }).selectOption({ label: (await options.last().textContent())! });
  await step(sup, '分派');
  await expect(sup.getByTestId('complaint-status')).toHaveText('已分派');
  await mgr.goto('/today');
  const me = (await mgr.getByTestId('current-user').textContent())!.split(' · ')[0].trim();
  await sup.getByRole('combobox', { name: '选择处理人' }).selectOption({ label: me });
  await step(sup, '分派');
  await expect(sup.getByTestId('complaint-timeline').locator('li[data-kind="assigned"]').last()).toContainText(`分派给 ${me}`);

  await mgr.goto(url);
  await step(mgr, '开始核查');
  await expect(mgr.getByTestId('complaint-status')).toHaveText('核查中');
  await step(mgr, '处理完成');
  await expect(mgr.getByText('请填写处理结果')).toBeVisible();
  await step(mgr, '处理完成', '已联系配送中心，要求当面点验');
  await expect(mgr.getByTestId('complaint-status')).toHaveText('已处理');
  await step(mgr, '反馈客户', '已电话告知店主');
  await expect(mgr.getByTestId('complaint-status')).toHaveText('已反馈');

  await sup.goto(url);
  await step(sup, '回访：客户不满意', '店主表示仍有一次未点验');
  await expect(sup.getByTestId('complaint-status')).toHaveText('核查中');

  await mgr.goto(url);
  await step(mgr, '处理完成', '配送员上门致歉并补点验');
  await expect(mgr.getByTestId('complaint-status')).toHaveText('已处理');
  await step(mgr, '反馈客户', '再次电话回复店主');
  await expect(mgr.getByTestId('complaint-status')).toHaveText('已反馈');
  await sup.goto(url);
  await step(sup, '回访：客户满意');
  await expect(sup.getByTestId('complaint-status')).toHaveText('已办结');

  const kinds = await sup.getByTestId('complaint-timeline').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds).toEqual(['received', 'assigned', 'assigned', 'investigating', 'resolved', 'replied', 'follow_up', 'reopened', 'resolved', 'replied', 'follow_up']);
  await expect(sup.getByTestId('complaint-timeline')).toContainText('回访：不满意');
  await expect(sup.getByTestId('complaint-timeline')).toContainText('回访：满意');

  // a manager of another team: the complaint does not exist for them
  const other = await signedInPage(browser, 'mgr3');
  expect((await other.goto(url))?.status()).toBe(404);
  await Promise.all([mgr.close(), sup.close(), other.close()]);
});

test('the opinion book: an entry, its reply, and the monthly summary sent to the supervisor', async ({ browser }) => {
  const mgr = await signedInPage(browser, 'mgr2');
  await mgr.goto('/opinions');
  await mgr.getByRole('combobox', { name: '客户' }).selectOption({ index: 1 });
  await mgr.getByRole('combobox', { name: '类型' }).selectOption('suggestion');
  await mgr.getByRole('combobox', { name: '类别' }).selectOption('ordering');
  await mgr.getByRole('textbox', { name: '内容' }).fill('希望订货时间延长到晚上八点');
  await mgr.getByRole('button', { name: '登记' }).click();
  const entry = mgr.getByTestId('opinion-entries').locator('li', { hasText: '希望订货时间延长到晚上八点' });
  await expect(entry).toContainText('答复期限');
  await entry.getByRole('textbox', { name: '答复内容' }).fill('已向订货中心反映，下月试行');
  await entry.getByRole('button', { name: '答复' }).click();
  await expect(entry).toContainText('已答复');
  await mgr.getByRole('textbox', { name: '改进建议' }).fill('订货时间需与零售户营业时间匹配');
  await mgr.getByRole('button', { name: '发送给市场经理' }).click();
  await expect(mgr.getByText(/已于 .* 发送/)).toBeVisible();

  const sup = await signedInPage(browser, 'sup1');
  await sup.goto('/opinions');
  await expect(sup.getByText('订货时间需与零售户营业时间匹配')).toBeVisible();
  await Promise.all([mgr.close(), sup.close()]);
});
