// Each page sends the browser only its area's message namespaces (i18n/client-messages.ts). A
// client component whose namespace its area does not send would show raw keys; these checks walk
// the imports from every route file and fail first, naming the file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_AREAS, CLIENT_BASE, pickMessages } from '@/i18n/client-messages';
import { loadMessages } from '@/i18n/messages';
import { namespacesIn, reachableNamespaces, routeFiles } from './helpers/message-graph';

const AREA_DIRS: Record<string, string> = Object.fromEntries(
  Object.keys(CLIENT_AREAS).map((a) => [a, a === 'admin' ? 'app/(admin)/admin' : a === 'login' ? 'app/(auth)/login' : `app/(app)/${a}`]),
);

describe('client messages', () => {
  it('every page, layout and error file outside the areas needs only the base namespaces', () => {
    const outside = [
      'app/layout.tsx',
      'app/error.tsx',
      'app/not-found.tsx',
      ...fs
        .readdirSync('app/(app)')
        .filter((f) => f.endsWith('.tsx'))
        .map((f) => `app/(app)/${f}`),
      'app/(admin)/layout.tsx',
    ];
    const needed = reachableNamespaces(outside);
    const missing = [...needed].filter(([ns]) => !(CLIENT_BASE as readonly string[]).includes(ns)).map(([ns, file]) => `${ns} (${file})`);
    expect(missing).toEqual([]);
  });

  it('every signed-in and admin area is listed and sends what its client components use', () => {
    const dirs = [
      ...fs
        .readdirSync('app/(app)', { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => `app/(app)/${d.name}`),
      'app/(admin)/admin',
      'app/(auth)/login',
    ];
    expect(dirs.sort()).toEqual(Object.values(AREA_DIRS).sort());
    for (const [area, dir] of Object.entries(AREA_DIRS)) {
      const sent = new Set<string>([...CLIENT_BASE, ...CLIENT_AREAS[area as keyof typeof CLIENT_AREAS]]);
      const needed = reachableNamespaces(routeFiles(dir));
      const missing = [...needed].filter(([ns]) => !sent.has(ns)).map(([ns, file]) => `${ns} (${file})`);
      expect(missing, `${area}: add to CLIENT_AREAS.${area} in i18n/client-messages.ts`).toEqual([]);
      // and the area's layout is what sends them
      const layout = fs.readFileSync(path.join(dir, 'layout.tsx'), 'utf8');
      expect(layout, `${dir}/layout.tsx`).toContain(`<AreaMessages area="${area}">`);
    }
  });

  it('every listed namespace exists in both catalogs', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const all = await loadMessages(locale);
      const listed = new Set<string>([...CLIENT_BASE, ...Object.values(CLIENT_AREAS).flat()]);
      expect([...listed].filter((ns) => !(ns in all)), locale).toEqual([]);
      const dash = pickMessages(all, [...CLIENT_BASE, ...CLIENT_AREAS.dashboard]);
      expect(Object.keys(dash).sort()).toEqual(['app', 'dash', 'errors', 'table']);
      expect(JSON.stringify(dash).length).toBeLessThan(JSON.stringify(all).length / 3);
    }
  });

  it('the scan finds namespaces in the forms client code uses', () => {
    expect([...namespacesIn(`const t = useTranslations('dash.tabs'); const u = useTranslations("table");`)].sort()).toEqual(['dash', 'table']);
    expect([...namespacesIn('const t = useTranslations(); t(`formats.${f}`); t(\'retailers.name\'); tc("area.city")')].sort()).toEqual(['area', 'formats', 'retailers']);
    expect([...namespacesIn(`const t = useTranslations('x'); t('notANamespace.y')`)]).toEqual(['x']);
  });
});
