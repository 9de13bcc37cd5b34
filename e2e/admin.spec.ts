import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, pinnedNow, signedInPage, signIn, test } from './fixtures';

// One flow over the shared seeded database: the user it creates and disables is its own, so the
// accounts other specs sign in with are never touched.
test.describe('admin: users, settings and the audit log', () => {
  test.describe.configure({ mode: 'serial' });

  test('a disabled user is signed out on the next request; a setting is saved; the audit log lists both', async ({ browser }) => {
    test.setTimeout(120_000);
    const admin = await signedInPage(browser, 'admin');
    const username = `e2e${Date.now().toString(36)}`;
    const password = 'Field#Pass2026';

    // create
    await admin.goto('/admin/users/new');
    const form = admin.getByTestId('create-user-form');
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('姓名').fill('测试经理');
    await form.getByLabel('角色').selectOption('manager');
    // a weak password is refused next to the field
    await form.getByLabel('初始密码').fill('weakpass');
    await form.getByLabel('确认密码').fill('weakpass');
    await form.getByRole('button', { name: '创建用户' }).click();
    await expect(admin.locator('#err-password')).toHaveText('密码至少 10 位');
    await expect(form.getByLabel('初始密码')).toHaveAttribute('aria-invalid', 'true');
    await expect(admin.locator('#err-teamId')).toHaveText('客户经理和市场经理须属于一个市场部');
    // a branch head: a manager or supervisor would join a team whose size other specs count
    await form.getByLabel('姓名').fill('测试主任');
    await form.getByLabel('角色').selectOption('branch_head');
    await form.getByLabel('营销部').selectOption({ index: 1 });
    await form.getByLabel('初始密码').fill(password);
    await form.getByLabel('确认密码').fill(password);
    await form.getByRole('button', { name: '创建用户' }).click();
    await admin.waitForURL(/\/admin\/users\/\d+$/);
    await expect(admin.getByRole('heading', { name: new RegExp(username) })).toBeVisible();
    await expect(admin.getByText('正常', { exact: true })).toBeVisible();

    // the new user signs in in a browser of their own
    const context = await browser.newContext();
    const user: Page = await context.newPage();
    const pinned = pinnedNow();
    if (pinned) await user.clock.install({ time: pinned });
    await signIn(user, username, password);
    await user.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect(user).toHaveURL(/\/dashboard$/);

    // the admin disables them
    admin.once('dialog', (d) => d.accept());
    await admin.getByRole('button', { name: '停用账号' }).click();
    await expect(admin.getByText('已停用', { exact: true }).first()).toBeVisible();

    // their next request lands on sign-in, and signing in again is refused
    await user.goto('/dashboard');
    await expect(user).toHaveURL(/\/login$/);
    await signIn(user, username, password);
    await expect(user.locator('#login-error')).toHaveText('用户名或密码错误');
    await expect(user).toHaveURL(/\/login$/);
    await context.close();

    // the admin cannot disable themselves: the button is not offered
    await admin.goto('/admin/users?q=admin&role=admin');
    await admin.getByRole('link', { name: 'admin', exact: true }).click();
    await expect(admin.getByText('不能停用自己的账号。')).toBeVisible();
    await expect(admin.getByRole('button', { name: '停用账号' })).toBeDisabled();

    // a setting: an out-of-range value is refused beside the field, a valid one is saved
    await admin.goto('/admin/settings');
    const security = admin.getByTestId('settings-security');
    const idle = security.getByLabel(/^空闲超时/);
    await expect(idle).toHaveValue('8');
    await idle.fill('100');
    await security.getByRole('button', { name: '保存本组' }).click();
    await expect(security.getByText('空闲超时应在 1–72 之间')).toBeVisible();
    await idle.fill('10');
    await security.getByRole('button', { name: '保存本组' }).click();
    await expect(admin.getByText('设置已保存')).toBeVisible();
    await admin.reload();
    await expect(admin.getByTestId('settings-security').getByLabel(/^空闲超时/)).toHaveValue('10');
    await expect(admin.getByTestId('settings-security').getByText(/默认：8/)).toBeVisible();

    // the audit log lists what just happened
    await admin.goto('/admin/audit?user=admin');
    const table = admin.getByTestId('audit-table');
    await expect(table.locator('[data-action="user.create"]').first()).toBeVisible();
    await expect(table.locator('[data-action="user.set_disabled"]').first()).toBeVisible();
    await expect(table.locator('[data-action="settings.update"]').first()).toBeVisible();
    await expect(table.getByText(`"username":"${username}"`).first()).toBeVisible();
    // filtered by action
    await admin.goto('/admin/audit?action=settings.update');
    await expect(table.locator('[data-action]').first()).toHaveAttribute('data-action', 'settings.update');
    await expect(table.locator('[data-action="user.create"]')).toHaveCount(0);
    // the refused sign-in of the disabled user is there too
    await admin.goto(`/admin/audit?user=${username}&action=sign_in&result=failure`);
    await expect(table.locator('[data-action="sign_in"]').first()).toBeVisible();

    // the export carries the filter
    const csv = await (await admin.context().request.get('/api/v1/export/admin-audit?action=settings.update&file=csv')).text();
    expect(csv).toContain('settings.update');
    expect(csv).not.toContain('user.create');

    // leave the setting as the other specs expect it
    await admin.goto('/admin/settings');
    await admin.getByTestId('settings-security').getByLabel(/^空闲超时/).fill('8');
    await admin.getByTestId('settings-security').getByRole('button', { name: '保存本组' }).click();
    await expect(admin.getByText('设置已保存')).toBeVisible();
  });

  test('the user list filters and exports', async ({ browser }) => {
    const admin = await signedInPage(browser, 'admin');
    await admin.goto('/admin/users?role=supervisor');
    const rows = admin.getByTestId('admin-user-table').locator('tbody tr');
    await expect(rows.first()).toContainText('市场经理');
    expect(await rows.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('sup1')]));
    for (const text of await rows.allInnerTexts()) expect(text).toContain('市场经理');
    const csv = await (await admin.context().request.get('/api/v1/export/admin-users?role=supervisor&file=csv')).text();
    expect(csv.split('\r\n')[0]).toContain('用户名');
    expect(csv).toContain('sup1');
    expect(csv).not.toContain('mgr1');
    expect(csv).not.toMatch(/argon2/);
  });
});

test.describe('admin: the other sections', () => {
  test('every admin page has no serious accessibility violations', async ({ page: admin, loginAs }) => {
    // twelve pages, each scanned whole (the calendar alone is a year of day cells)
    test.setTimeout(240_000);
    await loginAs('admin');
    for (const path of ['/admin/users', '/admin/users/new', '/admin/users/6', '/admin/org', '/admin/retailers', '/admin/specs', '/admin/key-brands', '/admin/supply', '/admin/targets', '/admin/settings', '/admin/calendar', '/admin/audit']) {
      await admin.goto(path);
      await expect(admin.locator('h1').first()).toBeVisible();
      const results = await new AxeBuilder({ page: admin }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    }
  });

  test('org, specs, calendar and retailer forms put Chinese errors next to the field and save', async ({ browser }) => {
    test.setTimeout(120_000);
    const admin = await signedInPage(browser, 'admin');
    const tag = Date.now().toString(36).toUpperCase().slice(-6);

    // a branch: a taken code is refused beside the field, a new one appears in the table
    await admin.goto('/admin/org');
    const branchForm = admin.getByTestId('new-branch-form');
    await branchForm.getByLabel('编码').fill('B01');
    await branchForm.getByLabel('营销部名称').fill(`测试营销部${tag}`);
    await branchForm.getByRole('button', { name: '添加营销部' }).click();
    await expect(admin.locator('#err-new-branch-code')).toHaveText('该编码已被使用');
    await branchForm.getByLabel('编码').fill(`E${tag}`);
    await branchForm.getByRole('button', { name: '添加营销部' }).click();
    await expect(admin.getByTestId('branch-table')).toContainText(`E${tag}`);

    // a spec: retail below wholesale is refused, then saved
    await admin.goto('/admin/specs');
    const spec = admin.getByTestId('spec-form');
    await spec.getByLabel('规格编码').fill(`E2E-${tag}`);
    await spec.getByLabel('品牌').fill('测试');
    await spec.getByLabel('规格名称').fill(`测试(硬)${tag}`);
    await spec.getByLabel('价类').selectOption('3');
    await spec.getByLabel('批发价（元/条）').fill('75');
    await spec.getByLabel('建议零售价（元/条）').fill('70');
    await spec.getByRole('button', { name: '添加规格' }).click();
    await expect(admin.locator('#err-spec-new-retailFen')).toHaveText('建议零售价不应低于批发价');
    await expect(spec.getByLabel('建议零售价（元/条）')).toHaveAttribute('aria-invalid', 'true');
    await spec.getByLabel('建议零售价（元/条）').fill('85');
    await spec.getByRole('button', { name: '添加规格' }).click();
    await expect(admin.getByTestId('spec-table')).toContainText(`E2E-${tag}`);

    // the calendar, in a year no other test reads: a make-up day must be a weekend
    await admin.goto('/admin/calendar?year=2099');
    const cal = admin.getByTestId('calendar-form');
    await cal.getByLabel('类型').selectOption('workday');
    await cal.getByLabel('日期', { exact: true }).fill('2099-01-05'); // a Monday
    await cal.getByLabel('名称').fill('调休');
    await cal.getByRole('button', { name: '添加' }).click();
    await expect(admin.locator('#err-cal-day')).toContainText('调休上班日应为周六或周日');
    await cal.getByLabel('日期', { exact: true }).fill('2099-01-03'); // a Saturday
    await cal.getByRole('button', { name: '添加' }).click();
    await expect(admin.getByTestId('calendar-table')).toContainText('2099-01-03');
    await admin.getByTestId('calendar-table').getByRole('button', { name: '删除' }).click();
    await expect(admin.getByTestId('calendar-table')).not.toContainText('2099-01-03');

    // a retailer: a grade outside 1–30 is refused beside the field and nothing changes
    await admin.goto('/admin/retailers');
    await admin.getByTestId('admin-retailer-table').locator('tbody tr a').first().click();
    await admin.waitForURL(/\/admin\/retailers\/\d+$/);
    const grade = admin.getByTestId('retailer-edit-form').getByLabel('档位');
    const before = await grade.inputValue();
    await grade.fill('31');
    await admin.getByRole('button', { name: '保存' }).click();
    await expect(admin.locator('#err-grade')).toHaveText('档位应在 1–30 之间');
    await admin.reload();
    await expect(admin.getByTestId('retailer-edit-form').getByLabel('档位')).toHaveValue(before);
  });
});
