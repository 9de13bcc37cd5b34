import fs from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Rounds@2026';
export const accounts = {
  manager: 'mgr1',
  supervisor: 'sup1',
  branch_head: 'branch1',
  admin: 'admin',
} as const;
export type RoleName = keyof typeof accounts;

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Row counts the seed wrote for this run (scripts/test.ts passes the file). */
export function seedCounts(): Record<string, number> {
  const file = process.env.E2E_SEED_COUNTS;
  if (!file || !fs.existsSync(file)) throw new Error('E2E_SEED_COUNTS is not set: run the suite through npm test');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export const test = base.extend<{ loginAs: (role: RoleName) => Promise<void> }>({
  loginAs: async ({ page }, use) => {
    await use(async (role) => {
      await signIn(page, accounts[role]);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    });
  },
});

export { expect };
