import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

type Catalog = Record<string, unknown>;

// The catalog is `messages/<locale>.json` plus one file per area in `messages/<locale>/`, each holding
// its own top-level namespaces, so areas of the app add their words without editing one shared file.
export async function loadMessages(locale: string, root = path.join(process.cwd(), 'messages')): Promise<Catalog> {
  const base = JSON.parse(await readFile(path.join(root, `${locale}.json`), 'utf8')) as Catalog;
  const dir = path.join(root, locale);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const part = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Catalog;
    for (const [ns, value] of Object.entries(part)) {
      if (ns in base) throw new Error(`messages/${locale}/${file}: namespace "${ns}" is defined twice`);
      base[ns] = value;
    }
  }
  return base;
}

const cache = new Map<string, Promise<Catalog>>();

export function messagesFor(locale: string) {
  if (process.env.NODE_ENV !== 'production') return loadMessages(locale);
  let hit = cache.get(locale);
  if (!hit) cache.set(locale, (hit = loadMessages(locale)));
  return hit;
}
