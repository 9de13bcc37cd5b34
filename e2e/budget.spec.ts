import { expect, test } from './fixtures';

// Next 16 no longer prints first-load sizes: measure the JavaScript a phone downloads.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('the visit page loads at most 200 KB of JavaScript (gzip) on first load', async ({ page, loginAs }) => {
  await loginAs('manager');
  await page.goto('/today');
  const href = await page.getByTestId('schedule').getByRole('link').first().getAttribute('href');
  // a fresh context: nothing cached, no service worker
  const context = await page.context().browser()!.newContext({ storageState: await page.context().storageState(), serviceWorkers: 'block' });
  const fresh = await context.newPage();
  const js: { url: string; bytes: number }[] = [];
  fresh.on('requestfinished', async (req) => {
    if (req.resourceType() !== 'script') return;
    const sizes = await req.sizes();
    js.push({ url: req.url(), bytes: sizes.responseBodySize });
  });
  await fresh.goto(href!);
  await expect(fresh.getByTestId('visit-shop')).toBeVisible();
  await fresh.waitForLoadState('networkidle');
  const total = js.reduce((n, r) => n + r.bytes, 0);
  test.info().annotations.push({ type: 'visit-page-js-bytes', description: String(total) });
  console.log(`visit page first-load JS: ${(total / 1024).toFixed(1)} KB in ${js.length} files`);
  expect(js.length).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(200 * 1024);
  await context.close();
});
