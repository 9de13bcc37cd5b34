// npm run bench:lighthouse — Lighthouse (mobile, simulated slow 4G) on the visit page and Today,
// with the system Chromium, against the production build over the `test` data set.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort, signIn, waitHealthy } from './lib/server';

const root = process.cwd();
const dir = path.join(root, '.data', 'lighthouse-pglite');
const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir };
delete env.DATABASE_URL;
if (!fs.existsSync(dir)) {
  const r = spawnSync('npx', ['tsx', 'db/seed/cli.ts', '--scale', 'test', '--reset'], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(1);
}
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn('node', ['server.mjs'], {
  env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', NEXTAUTH_SECRET: 'lighthouse-secret-lighthouse-secret', NEXTAUTH_URL: origin, ESCALATION_INTERVAL_MS: '0' },
  stdio: 'ignore',
});
try {
  await waitHealthy(origin);
  const cookie = await signIn(origin, 'mgr1');
  const prefill = (await (await fetch(`${origin}/api/v1/prefill`, { headers: { cookie } })).json()) as { shops: { id: number }[] };
  const shop = prefill.shops[0]?.id ?? 1;

  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results: Record<string, unknown> = {};
  try {
    for (const page of [`/visit?r=${shop}`, '/today']) {
      const r = await lighthouse(`${origin}${page}`, { port: chrome.port, onlyCategories: ['performance'], extraHeaders: { cookie }, output: 'json', logLevel: 'error' });
      const lhr = r!.lhr;
      const audit = (id: string) => lhr.audits[id]?.numericValue;
      results[page] = {
        score: lhr.categories.performance.score,
        fcpMs: audit('first-contentful-paint'),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
      };
      console.log(`[lighthouse] ${page}: performance ${lhr.categories.performance.score} · FCP ${Math.round(audit('first-contentful-paint') ?? 0)} ms · LCP ${Math.round(audit('largest-contentful-paint') ?? 0)} ms · TBT ${Math.round(audit('total-blocking-time') ?? 0)} ms · CLS ${(audit('cumulative-layout-shift') ?? 0).toFixed(3)}`);
    }
  } finally {
    await chrome.kill();
  }
  fs.writeFileSync(path.join(root, '.data', 'lighthouse.json'), JSON.stringify(results, null, 2));
} finally {
  server.kill('SIGTERM');
}
