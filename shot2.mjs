import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
const base = 'http://127.0.0.1:3222';
await p.goto(base + '/login');
await p.getByLabel('用户名').fill(process.argv[2] ?? 'sup1');
await p.getByLabel('密码').fill('Rounds@2026');
await p.getByRole('button', { name: '登录' }).click();
await p.waitForURL(u => !u.pathname.startsWith('/login'));
for (const path of (process.argv[3] ?? '/dashboard').split(',')) {
  const t0 = Date.now();
  const res = await p.goto(base + path);
  await p.waitForLoadState('networkidle');
  console.log(path, res.status(), Date.now() - t0, 'ms');
  await p.screenshot({ path: `/tmp/d-${path.replace(/[\/?=&]/g, '_')}.png`, fullPage: true });
}
await b.close();
