// List state lives in the URL (?q=&page=&size=&sort=col.desc&<filters>), so a link shows the
// same view and the export route can read the very same filters.
export type ListParams = {
  q: string;
  page: number; // 1-based
  size: number;
  sort: { id: string; desc: boolean } | null;
  filters: Record<string, string>;
};

export const PAGE_SIZES = [20, 50, 100] as const;

export function parseListParams(
  sp: Record<string, string | string[] | undefined> | URLSearchParams,
  opts: { sorts: readonly string[]; filters: readonly string[]; defaultSort?: { id: string; desc: boolean } },
): ListParams {
  const get = (k: string) => {
    const v = sp instanceof URLSearchParams ? sp.get(k) : sp[k];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  const page = Math.max(1, Math.min(100_000, Number.parseInt(get('page'), 10) || 1));
  const sizeRaw = Number.parseInt(get('size'), 10);
  const size = (PAGE_SIZES as readonly number[]).includes(sizeRaw) ? sizeRaw : PAGE_SIZES[0];
  const [sortId, dir] = get('sort').split('.');
  const sort = opts.sorts.includes(sortId) ? { id: sortId, desc: dir === 'desc' } : (opts.defaultSort ?? null);
  const filters: Record<string, string> = {};
  for (const f of opts.filters) {
    const v = get(f).trim();
    if (v) filters[f] = v.slice(0, 100);
  }
  return { q: get('q').trim().slice(0, 100), page, size, sort, filters };
}

export function toSearch(p: Partial<ListParams> & { filters?: Record<string, string> }): string {
  const s = new URLSearchParams();
  if (p.q) s.set('q', p.q);
  for (const [k, v] of Object.entries(p.filters ?? {})) if (v) s.set(k, v);
  if (p.sort) s.set('sort', `${p.sort.id}.${p.sort.desc ? 'desc' : 'asc'}`);
  if (p.page && p.page > 1) s.set('page', String(p.page));
  if (p.size && p.size !== PAGE_SIZES[0]) s.set('size', String(p.size));
  return s.toString();
}

/** A query string from the set values of a record (empty ones left out). */
export function queryString(sp: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(sp).filter(([, v]) => v) as [string, string][]).toString();
}
