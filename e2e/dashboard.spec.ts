import fs from 'node:fs';
import { expect, pinnedNow, signedInPage, test } from './fixtures';

type Oracle = {
  week: string;
  visitCompletion: string;
  shelvingRate: string;
  shelving: Record<string, { eligible: number; shelved: number }>;
  sellThrough: string;
  sellBySpec: Record<string, string>;
  avgStock: string;
  onTime: string;
  opened: number;
  targetCompletion: string;
  made: number;
};

// the oracle's figures for team 1's previous full week, computed from the raw facts before the
// server started (scripts/test.ts); visits made during the run fall in the current week
function oracle(): Oracle {
  const file = process.env.E2E_ORACLE;
  if (!file || !fs.existsSync(file)) throw new Error('E2E_ORACLE is not set: run the suite through npm test');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const view = () => `period=week&at=${oracle().week}`;

test.describe('supervisor dashboards match the raw facts', () => {
  test('overview: every KPI card against the oracle', async ({ page, loginAs }) => {
    await loginAs('supervisor');
    await page.goto(`/dashboard?${view()}`);
    const o = oracle();
    await expect(page.getByTestId('kpi-visit-completion-value')).toHaveText(o.visitCompletion);
    await expect(page.getByTestId('kpi-shelving-value')).toHaveText(o.shelvingRate);
    await expect(page.getByTestId('kpi-sell-through-value')).toHaveText(o.sellThrough);
    await expect(page.getByTestId('kpi-avg-stock-value')).toHaveText(o.avgStock);
    await expect(page.getByTestId('kpi-on-time-value')).toHaveText(o.onTime);
    await expect(page.getByTestId('kpi-target-value')).toHaveText(o.targetCompletion);
    // each card says how it moved against the previous period
    await expect(page.getByTestId('kpi-shelving')).toContainText(/环比 (▲|▼|持平|—)/);
  });

  test('shelving: rate by brand and in total, with counts', async ({ page, loginAs }) => {
    await loginAs('supervisor');
    await page.goto(`/dashboard/shelving?${view()}`);
    const o = oracle();
    await expect(page.getByTestId('chart-shelf-by-brand').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('shelf-total-rate')).toHaveText(o.shelvingRate);
    for (const [brand, c] of Object.entries(o.shelving)) {
      const row = page.getByTestId('shelf-by-brand').locator(`tr[data-brand="${brand}"]`);
      await expect(row.locator('td').nth(1)).toHaveText(String(c.eligible));
      await expect(row.locator('td').nth(2)).toHaveText(String(c.shelved));
    }
  });

  test('sell-through: rate by spec', async ({ page, loginAs }) => {
    await loginAs('supervisor');
    await page.goto(`/dashboard/sell-through?${view()}`);
    await expect(page.getByTestId('chart-sell-by-week').locator('.recharts-line-curve').first()).toBeVisible();
    for (const [spec, rate] of Object.entries(oracle().sellBySpec).slice(0, 8)) {
      await expect(page.getByTestId(`sell-rate-${spec}`)).toHaveText(rate);
    }
  });

  test('inventory: charts with data, drill-down to a shop', async ({ page, loginAs }) => {
    await loginAs('supervisor');
    await page.goto(`/dashboard/inventory?${view()}`);
    await expect(page.getByTestId('chart-stock-by-class').locator('.recharts-line-curve').first()).toBeVisible();
    await expect(page.getByTestId('chart-stock-by-brand').locator('.recharts-bar-rectangle').first()).toBeVisible();
    const shop = page.getByTestId('inventory-risk').locator('tbody tr').first();
    await shop.locator('td').nth(1).getByRole('link').click();
    await expect(page).toHaveURL(/manager=\d+/);
    await page.getByTestId('inventory-risk').locator('tbody tr').first().locator('td').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/retailers\/\d+$/);
    await expect(page.getByTestId('retailer-name')).toBeVisible();
  });

  test('complaints: weekly figures and the backlog', async ({ page, loginAs }) => {
    await loginAs('supervisor');
    await page.goto(`/dashboard/complaints?${view()}`);
    const o = oracle();
    await expect(page.getByTestId(`complaint-onTime-${o.week.slice(5)}`)).toHaveText(o.onTime);
    await expect(page.getByTestId('chart-backlog').locator('.recharts-bar-rectangle').first()).toBeVisible();
  });

  test('targets: completion against time progress; filters change the view', async ({ page, loginAs }) => {
    await loginAs('supervisor');
    await page.goto(`/dashboard/targets?${view()}`);
    await expect(page.getByTestId('chart-targets').locator('.recharts-bar-rectangle').first()).toBeVisible();
    const rows = page.getByTestId('targets-by-manager').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    // narrow to one manager through the filter bar: the URL carries the view
    const manager = page.getByRole('combobox', { name: '客户经理' });
    const value = await manager.locator('option').nth(1).getAttribute('value');
    await manager.selectOption(value!);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(new RegExp(`manager=${value}`));
    await expect(page.getByTestId('targets-by-manager').locator('tbody tr')).toHaveCount(1);
  });

  test('visit compliance: visits per day add up, and the CSV export has every row', async ({ page, loginAs }) => {
    await loginAs('supervisor');
    await page.goto(`/dashboard/visits?${view()}`);
    const made = await page.getByTestId('visits-per-day').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(made.map(Number).reduce((a, b) => a + b, 0)).toBe(oracle().made);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '导出 CSV' }).click();
    const file = await (await download).path();
    const lines = fs.readFileSync(file!, 'utf8').trim().split(/\r\n/);
    expect(lines[0]).toContain('客户经理');
    expect(lines.length - 1).toBe(made.length);
  });
});

test('visit compliance: the table sorts, filters and pages on the server, and the export follows the filter', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  await page.goto(`/dashboard/visits?${view()}`);
  const table = page.getByTestId('visits-per-day-table');
  const made = () => table.locator('tbody tr td:nth-child(3)').allTextContents();
  const all = (await made()).map(Number);
  // sort by visits made (numbers: largest first): the URL carries it, the rows come back in that order
  await table.getByRole('button', { name: /^拜访/ }).click();
  await expect(page).toHaveURL(/sort=made\.desc/);
  await expect.poll(async () => (await made()).map(Number)).toEqual([...all].sort((a, b) => b - a));
  await table.getByRole('button', { name: /^拜访/ }).click();
  await expect(page).toHaveURL(/sort=made\.asc/);
  await expect.poll(async () => (await made()).map(Number)).toEqual([...all].sort((a, b) => a - b));
  // the quick filter: one manager's days only, counted by the table and by the export
  const name = (await table.locator('tbody tr td:nth-child(2)').first().textContent())!.trim();
  const filter = page.getByRole('searchbox', { name: '筛选表格' });
  await filter.fill(name);
  await filter.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(name)}`));
  await expect.poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(2)').allTextContents())]).toEqual([name]);
  const shown = await table.locator('tbody tr').count();
  expect(shown).toBeLessThan(all.length);
  await expect(page.getByTestId('table-total')).toHaveText(`共 ${shown} 条`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  const lines = fs.readFileSync((await (await download).path())!, 'utf8').trim().split(/\r\n/);
  expect(lines.length - 1).toBe(shown);
  expect(lines.slice(1).every((l) => l.includes(name))).toBe(true);
  // pages of 20 from the URL; a page past the end shows the last one
  await page.goto(`/dashboard/visits?${view()}&page=2`);
  const pages = Math.max(1, Math.ceil(all.length / 20));
  await expect(page.getByTestId('table-total')).toHaveText(`共 ${all.length} 条`);
  await expect(page.getByText(`第 ${Math.min(2, pages)} / ${pages} 页`)).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(pages >= 2 ? Math.min(20, all.length - 20) : all.length);
});

test('a visit shows on the supervisor dashboards at once', async ({ browser }) => {
  const sup = await signedInPage(browser, 'sup1');
  const mgr = await signedInPage(browser, 'mgr2');
  const read = async () => {
    await sup.goto('/dashboard');
    const s = sup.getByTestId('kpi-shelving-detail');
    const k = sup.getByTestId('kpi-avg-stock-detail');
    return {
      shelved: Number(await s.getAttribute('data-shelved')),
      eligible: Number(await s.getAttribute('data-eligible')),
      stock: Number(await k.getAttribute('data-stock')),
    };
  };
  const before = await read();

  // a shop of today's schedule last visited before this week, so this visit adds its key specs
  const day = (await mgr.request.get('/api/v1/prefill')).ok() ? await (await mgr.request.get('/api/v1/prefill')).json() : null;
  const monday = new Date(`${day.day}T00:00:00+08:00`);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const monthStart = new Date(`${day.day.slice(0, 7)}-01T00:00:00+08:00`);
  type Shop = { lastVisitedAt: string | null };
  const notThisWeek = (s: Shop) => s.lastVisitedAt && new Date(s.lastVisitedAt) < monday;
  const shop =
    day.shops.find((s: Shop) => notThisWeek(s) && new Date(s.lastVisitedAt!) >= monthStart) ?? day.shops.find((s: Shop) => notThisWeek(s));
  expect(shop, 'a scheduled shop not yet visited this week').toBeTruthy();
  const keys: number[] = shop.keySpecIds;
  const last = new Map<number, { stock: number }>(shop.lastLines.map((l: { specId: number; stock: number }) => [l.specId, l]));
  const specIds = [...new Set([...keys, ...last.keys()])];
  const now = pinnedNow() ?? new Date();
  const res = await mgr.request.post('/api/v1/visits', {
    headers: { origin: new URL(mgr.url()).origin },
    data: {
      clientId: crypto.randomUUID(),
      retailerId: shop.id,
      startedAt: new Date(now.getTime() - 20 * 60_000).toISOString(),
      endedAt: new Date(now.getTime() - 5 * 60_000).toISOString(),
      deviceSentAt: now.toISOString(),
      sections: Object.fromEntries(['ask', 'look', 'introduce', 'tidy', 'collect', 'answer', 'record'].map((k) => [k, { done: true }])),
      illegalFound: false,
      // every key spec on the counter; each line of the last visit 10 more, other key specs 0
      stockLines: specIds.map((id) => ({ specId: id, stock: last.has(id) ? last.get(id)!.stock + 10 : 0, onCounter: true, priceTagOk: true })),
    },
  });
  expect(res.status()).toBe(200);
  const after = await read();
  expect(after.eligible - before.eligible).toBe(keys.length);
  expect(after.shelved - before.shelved).toBe(keys.length);
  // period stock: each line replaces the shop's previous value of that spec
  const added = 10 * last.size;
  expect(after.stock - before.stock).toBe(added);
  await sup.close();
  await mgr.close();
});

test.describe('dashboard scope', () => {
  test('a supervisor sees only the own team; another team in the URL answers 404', async ({ page, loginAs }) => {
    await loginAs('supervisor');
    expect((await page.goto('/dashboard/shelving?team=1'))?.status()).toBe(200);
    expect((await page.goto('/dashboard/shelving?team=2'))?.status()).toBe(404);
    expect((await page.goto('/dashboard/targets?manager=8'))?.status()).toBe(404); // mgr3 (id 8) is in team 2
    expect((await page.goto('/dashboard/targets?manager=3'))?.status()).toBe(404); // not a manager at all
    expect((await page.goto('/dashboard/inventory?team=abc'))?.status()).toBe(404);
    await page.goto('/dashboard/targets');
    const options = await page.getByRole('combobox', { name: '客户经理' }).locator('option').allTextContents();
    expect(options).toHaveLength(3); // 全部 and the team's two managers
  });

  test("a branch head sees the own branch's teams and not the other branch's", async ({ page, loginAs }) => {
    await loginAs('branch_head');
    await page.goto('/dashboard');
    await expect(page.getByTestId('branch-teams').locator('tbody tr')).toHaveCount(1);
    expect((await page.goto('/dashboard/visits?team=1'))?.status()).toBe(200);
    expect((await page.goto('/dashboard/visits?team=2'))?.status()).toBe(404);
  });
});
