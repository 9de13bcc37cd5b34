// Which message namespaces the code reachable from an entry file asks for with useTranslations: the
// import graph is walked (relative and @/ imports), and every `useTranslations('ns…')`, and every
// `t('ns.…')` in a file that calls `useTranslations()` without a namespace, names a namespace.
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const EXT = ['.tsx', '.ts', '.mjs', '.js', '/index.tsx', '/index.ts'];

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const e of EXT) if (fs.existsSync(base + e)) return base + e;
  return null;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;

export function namespacesIn(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(/useTranslations\(\s*['"`]([\w]+)/g)) out.add(m[1]);
  if (/useTranslations\(\s*\)/.test(source)) for (const m of source.matchAll(/\bt\w*\(\s*['"`]([A-Za-z]\w*)\./g)) out.add(m[1]);
  return out;
}

/** The namespaces used by everything reachable from `entries`, each with a file that uses it. */
export function reachableNamespaces(entries: string[]): Map<string, string> {
  const seen = new Set<string>();
  const found = new Map<string, string>();
  const stack = entries.map((e) => path.resolve(root, e));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = fs.readFileSync(file, 'utf8');
    for (const ns of namespacesIn(src)) if (!found.has(ns)) found.set(ns, path.relative(root, file));
    for (const m of src.matchAll(IMPORT)) {
      const next = resolveImport(file, m[1] ?? m[2] ?? m[3]);
      if (next && !seen.has(next)) stack.push(next);
    }
  }
  return found;
}

/** Every page, layout, loading, error and not-found file under a directory of app/. */
export function routeFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^(page|layout|loading|error|not-found|template|default)\.tsx$/.test(e.name)) out.push(path.relative(root, p));
    }
  };
  walk(path.join(root, dir));
  return out;
}
