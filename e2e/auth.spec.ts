import AxeBuilder from '@axe-core/playwright';
import { accounts, expect, seedCounts, signIn, test } from './fixtures';

test.describe('sign-in', () => {
  test('a signed-out visitor is sent to sign-in', async ({ page }) => {
    for (const path of ['/', '/today', '/dashboard', '/admin', '/dashboard/teams/1']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login$/);
    }
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  });

  test('a wrong password shows the error and stays signed out', async ({ page }) => {
    await signIn(page, accounts.manager, 'not-the-password');
    await expect(page.locator('#login-error')).toHaveText('用户名或密码错误');
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/today');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('empty fields get their own messages next to them', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.locator('#username-error')).toHaveText('请输入用户名');
    await expect(page.locator('#password-error')).toHaveText('请输入密码');
    await expect(page.getByLabel('用户名')).toHaveAttribute('aria-invalid', 'true');
  });

  test('the sign-in page has no serious accessibility violations', async ({ page }) => {
    await page.goto('/login');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => v.id)).toEqual([]);
  });
});

test.describe('each role lands on its own home', () => {
  test('manager: today with the schedule and recent visits, field navigation only', async ({ page, loginAs }) => {
    await loginAs('manager');
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByRole('heading', { name: '今日拜访', level: 1 })).toBeVisible();
    await expect(page.getByTestId('today-progress')).toContainText(/\d+\/\d+ 已拜访，(城网|农网)标准 \d+/);
    await expect(page.getByTestId('recent-visits').locator('li').first()).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'main' });
    await expect(nav.getByRole('link')).toHaveText(['今日拜访', '订单回访', '明日准备', '日报总结', '拜访计划', '客户档案', '拜访记录', '投诉', '意见簿', '预测', '信息采集']);
    await expect(page.getByTestId('current-user')).toContainText('客户经理');
  });

  test('supervisor: the own team and the previous working day', async ({ page, loginAs }) => {
    await loginAs('supervisor');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId('team-name')).toBeVisible();
    const rows = page.getByTestId('team-day').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    // visits were made on the previous working day: some manager has a non-zero count
    const made = await rows.locator('td:nth-child(4)').allTextContents();
    expect(made.map(Number).some((n) => n > 0)).toBe(true);
    const nav = page.getByRole('navigation', { name: 'main' });
    await expect(nav.getByRole('link')).toHaveText(['看板', '报告审核', '晨会', '订单回访', '客户档案', '拜访记录', '投诉', '意见簿', '预测', '信息采集']);
  });

  test('branch head: the teams of the branch, drilling into one', async ({ page, loginAs }) => {
    await loginAs('branch_head');
    await expect(page).toHaveURL(/\/dashboard$/);
    const rows = page.getByTestId('branch-teams').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await rows.first().getByRole('link', { name: '查看' }).click();
    await expect(page).toHaveURL(/\/dashboard\/teams\/\d+$/);
    await expect(page.getByTestId('team-day').locator('tbody tr')).toHaveCount(2);
  });

  test('admin: counts that match the data set', async ({ page, loginAs }) => {
    await loginAs('admin');
    await expect(page).toHaveURL(/\/admin$/);
    const counts = seedCounts();
    // other specs running beside this one add a few users, specs, visits, orders and complaints
    for (const key of ['users', 'retailers', 'specs', 'visits', 'orders', 'complaints'] as const) {
      const shown = Number(await page.getByTestId(`count-${key}`).getAttribute('data-value'));
      expect(shown, key).toBeGreaterThanOrEqual(counts[key]);
      expect(shown, key).toBeLessThanOrEqual(counts[key] + 100);
    }
    const nav = page.getByRole('navigation', { name: 'main' });
    await expect(nav.getByRole('link')).toHaveText(['系统管理']);
  });
});

test.describe('scope: pages outside the role answer 404', () => {
  test('a manager typing supervisor and admin URLs', async ({ page, loginAs }) => {
    await loginAs('manager');
    for (const path of ['/dashboard', '/dashboard/teams/1', '/admin']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    }
  });

  test("a supervisor typing another team's id", async ({ page, loginAs }) => {
    await loginAs('supervisor');
    const own = await page.goto('/dashboard/teams/1');
    expect(own?.status()).toBe(200);
    const other = await page.goto('/dashboard/teams/2');
    expect(other?.status()).toBe(404);
    const admin = await page.goto('/admin');
    expect(admin?.status()).toBe(404);
  });

  test('a branch head typing a team of another branch', async ({ page, loginAs }) => {
    await loginAs('branch_head');
    expect((await page.goto('/dashboard/teams/2'))?.status()).toBe(404);
    expect((await page.goto('/today'))?.status()).toBe(404);
  });

  test('an admin typing a field page', async ({ page, loginAs }) => {
    await loginAs('admin');
    expect((await page.goto('/today'))?.status()).toBe(404);
    expect((await page.goto('/dashboard'))?.status()).toBe(404);
  });
});

test.describe('headers and cookies', () => {
  test('every page carries the security headers; the session cookie is HttpOnly and SameSite=Lax', async ({ page, loginAs }) => {
    const res = await page.goto('/login');
    const h = res!.headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-powered-by']).toBeUndefined();
    await loginAs('manager');
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  test('a tampered or foreign session cookie signs nobody in', async ({ page, loginAs, baseURL }) => {
    await loginAs('manager');
    const jar = await page.context().cookies();
    const cookie = jar.find((c) => c.name.endsWith('next-auth.session-token'))!;
    expect((await page.goto('/today'))?.url()).toContain('/today');
    // one character changed inside the encrypted token; then a token that is no JWE at all
    const flip = (v: string, i: number) => v.slice(0, i) + (v[i] === 'A' ? 'B' : 'A') + v.slice(i + 1);
    for (const value of [flip(cookie.value, Math.floor(cookie.value.length / 2)), 'not-a-token']) {
      await page.context().clearCookies();
      await page.context().addCookies([{ name: cookie.name, value, url: baseURL! }]);
      await page.goto('/today');
      await expect(page).toHaveURL(/\/login/);
      const res = await page.request.get('/api/v1/prefill?retailerId=1');
      expect(res.status(), value.slice(0, 12)).toBe(401);
    }
  });

  test('a write with a foreign or missing Origin is refused by the project itself', async ({ page, loginAs }) => {
    await loginAs('manager');
    const body = { clientId: '00000000-0000-4000-8000-000000000009', retailerId: 1 };
    for (const origin of ['http://evil.example', 'null']) {
      const res = await page.request.post('/api/v1/visits', { headers: { origin }, data: body });
      expect(res.status(), origin).toBe(403);
    }
    const bare = await page.request.fetch('/api/v1/visits', { method: 'POST', data: body, headers: { origin: '' } });
    expect(bare.status()).toBe(403);
  });
});
