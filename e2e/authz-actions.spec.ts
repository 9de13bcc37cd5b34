import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser } from '@playwright/test';
import { expect, signedInPage, test } from './fixtures';

// The Server Actions' authorization matrix, written by hand: who may call each action. Every
// action is called over HTTP the way a browser calls it (its id from the build's manifest, the
// Next-Action header, a JSON body) with an empty input: a caller who may run it gets the input
// check (400), anyone else the role check (403), a signed-out caller the sign-in page. The list of
// actions is read from app/**/actions.ts, so a new action missing here fails the suite.
type Who = 'anon' | 'mgr1' | 'sup1' | 'branch1' | 'admin';
type Answer = 'login' | 200 | 400 | 403;
const M = 'manager';
const S = 'supervisor';
const B = 'branch head';
const A = 'admin';
type Group = typeof M | typeof S | typeof B | typeof A;
const groupOf: Record<Exclude<Who, 'anon'>, Group> = { mgr1: M, sup1: S, branch1: B, admin: A };

// action → the roles that may call it; '{}' marks an action whose empty input is a complete request
const allowed: Record<string, { roles: Group[]; emptyIsValid?: true }> = {
  '(app)/collection#saveCollectionSheet': { roles: [M] },
  '(app)/follow-up#recordCallBack': { roles: [M] },
  '(app)/plan#proposeVisitPlan': { roles: [M] },
  '(app)/plan#editVisitPlan': { roles: [M] },
  '(app)/plan#submitVisitPlan': { roles: [M] },
  '(app)/reviews#reviewReport': { roles: [S] },
  '(app)/briefings#postBriefing': { roles: [S] },
  '(app)/complaints#registerComplaint': { roles: [M] },
  '(app)/complaints#complaintStep': { roles: [M, S, B] },
  '(app)/today#markMissed': { roles: [M] },
  '(app)/today#reorderSchedule': { roles: [M] },
  '(app)/opinions#createOpinion': { roles: [M] },
  '(app)/opinions#replyOpinion': { roles: [M, S, B] },
  '(app)/opinions#sendOpinionSummary': { roles: [M] },
  '(app)/reports#saveDailyReport': { roles: [M] },
  '(app)/reports#saveSummary': { roles: [M] },
  '(app)/forecasts#recomputeScreening': { roles: [M], emptyIsValid: true },
  '(app)/forecasts#overrideGroup': { roles: [M] },
  '(app)/forecasts#clearGroupOverride': { roles: [M] },
  '(app)/forecasts#saveTotalForecast': { roles: [M] },
  '(app)/forecasts#saveIndividualForecasts': { roles: [M] },
  '(admin)/admin/users#createUser': { roles: [A] },
  '(admin)/admin/users#updateUser': { roles: [A] },
  '(admin)/admin/users#resetUserPassword': { roles: [A] },
  '(admin)/admin/users#setUserDisabled': { roles: [A] },
  '(admin)/admin/org#saveBranch': { roles: [A] },
  '(admin)/admin/org#saveTeam': { roles: [A] },
  '(admin)/admin/specs#saveSpec': { roles: [A] },
  '(admin)/admin/targets#saveTarget': { roles: [A] },
  '(admin)/admin/targets#saveAgreement': { roles: [A] },
  '(admin)/admin/key-brands#addKeyBrand': { roles: [A] },
  '(admin)/admin/key-brands#removeKeyBrand': { roles: [A] },
  '(admin)/admin/key-brands#copyKeyBrands': { roles: [A] },
  '(admin)/admin/settings#updateSettings': { roles: [A] },
  '(admin)/admin/settings#saveComplaintCategory': { roles: [A] },
  '(admin)/admin/retailers#updateRetailer': { roles: [A] },
  '(admin)/admin/supply#saveSupply': { roles: [A] },
  '(admin)/admin/supply#removeSupply': { roles: [A] },
  '(admin)/admin/calendar#addCalendarDays': { roles: [A] },
  '(admin)/admin/calendar#removeCalendarDay': { roles: [A] },
};

function discoverActions(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'actions.ts') {
        const src = fs.readFileSync(full, 'utf8');
        for (const m of src.matchAll(/^export async function (\w+)/gm)) found.push(`${path.relative('app', dir)}#${m[1]}`);
      }
    }
  };
  walk('app');
  return found.sort();
}

test('every Server Action is in the matrix', () => {
  expect(discoverActions()).toEqual(Object.keys(allowed).sort());
});

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };

/** Each action's id and a page that carries it (one without a [param] where there is one). */
function actionIds(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join('.next', 'server', 'server-reference-manifest.json'), 'utf8')) as { node: Record<string, ManifestEntry> };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename?.startsWith('app/') || !entry.filename.endsWith('/actions.ts')) continue;
    const key = `${path.dirname(entry.filename).slice('app/'.length)}#${entry.exportedName}`;
    const pages = Object.keys(entry.workers)
      .filter((w) => w.endsWith('/page'))
      .map((w) => `/${w.slice('app/'.length, -'/page'.length).split('/').filter((s) => s && !/^\(.*\)$/.test(s)).join('/')}`);
    const page = pages.find((p) => !p.includes('[')) ?? pages[0]?.replace(/\[[^\]]+\]/g, '1');
    if (page) out.set(key, { id, page });
  }
  return out;
}

async function sessionFor(browser: Browser, who: Who): Promise<APIRequestContext> {
  const page = who === 'anon' ? await browser.newPage() : await signedInPage(browser, who);
  return page.context().request;
}

test('each role gets exactly the answer the matrix gives from every Server Action', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const ids = actionIds();
  const missing = Object.keys(allowed).filter((k) => !ids.has(k));
  expect(missing).toEqual([]);
  const mismatches: string[] = [];
  let checked = 0;
  for (const who of ['anon', 'mgr1', 'sup1', 'branch1', 'admin'] as Who[]) {
    const request = await sessionFor(browser, who);
    for (const [key, rule] of Object.entries(allowed)) {
      const { id, page } = ids.get(key)!;
      const may = who !== 'anon' && rule.roles.includes(groupOf[who]);
      // an empty input that is a complete request would really run it; the vitest suite covers that caller
      if (may && rule.emptyIsValid) continue;
      const expected: Answer = who === 'anon' ? 'login' : may ? 400 : 403;
      const res = await request.post(page, {
        headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: new URL(baseURL!).origin },
        data: JSON.stringify([{}]),
        maxRedirects: 0,
      });
      const body = await res.text();
      const status = body.match(/"ok":false,"status":(\d{3})/)?.[1];
      const got: Answer | string =
        res.status() >= 300 && res.status() < 400 && (res.headers()['location'] ?? '').includes('/login')
          ? 'login'
          : status
            ? (Number(status) as Answer)
            : /"ok":true/.test(body)
              ? 200
              : `HTTP ${res.status()}`;
      checked++;
      if (got !== expected) mismatches.push(`${who} ${key} (${page}): expected ${expected}, got ${got}`);
    }
  }
  console.log(`server action matrix: ${checked} calls checked`);
  expect(mismatches).toEqual([]);
});
