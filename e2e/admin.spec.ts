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
    await form.getByLabel('市场部').selectOption({ index: 1 });
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
    await expect(user).toHaveURL(/\/today$/);

    // the admin disables them
    admin.once('dialog', (d) => d.accept());
    await admin.getByRole('button', { name: '停用账号' }).click();
    await expect(admin.getByText('已停用', { exact: true }).first()).toBeVisible();

    // their next request lands on sign-in, and signing in again is refused
    await user.goto('/today');
    await expect(user).toHaveURL(/\/login$/);
    await signIn(user, username, password);
    await expect(user.locator('#login-error')).toBeVisible();
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
    const csv = await (await admin.context().request.get('/api/v1/export/admin-audit?action=settings.update&format=csv')).text();
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
    const csv = await (await admin.context().request.get('/api/v1/export/admin-users?role=supervisor&format=csv')).text();
    expect(csv.split('\r\n')[0]).toContain('用户名');
    expect(csv).toContain('sup1');
    expect(csv).not.toContain('mgr1');
    expect(csv).not.toMatch(/argon2/);
  });
});
