import fs from 'node:fs';
import { test as base, expect, type Browser, type Page } from '@playwright/test';

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

/** The instant the server's clock is pinned to for this run (scripts/test.ts sets ROUNDS_NOW). */
export function pinnedNow(): Date | null {
  return process.env.ROUNDS_NOW ? new Date(process.env.ROUNDS_NOW) : null;
}

// A message the page's area does not send to the browser (i18n/client-messages.ts) shows as its key
// and next-intl reports it on the console: a test's own page fails on such a report.
function watchMessages(page: Page) {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /MISSING_MESSAGE|INSUFFICIENT_PATH/.test(m.text())) seen.push(`${page.url()}: ${m.text().slice(0, 300)}`);
  });
  return seen;
}

/** A page of its own (own cookies), its clock pinned like the server's, signed in as `username`. */
export async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await browser.newPage();
  const pinned = pinnedNow();
  if (pinned) await page.clock.install({ time: pinned });
  await signIn(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

export const test = base.extend<{ loginAs: (role: RoleName | string) => Promise<void> }>({
  page: async ({ page }, use) => {
    // the browser's clock starts where the server's is pinned, so "today" agrees on both sides
    const pinned = pinnedNow();
    if (pinned) await page.clock.install({ time: pinned });
    const missing = watchMessages(page);
    await use(page);
    expect(missing, 'messages the browser did not get').toEqual([]);
  },
  loginAs: async ({ page }, use) => {
    await use(async (role) => {
      await signIn(page, role in accounts ? accounts[role as RoleName] : role);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    });
  },
});

export { expect };
