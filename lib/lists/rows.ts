import { parseListParams, type ListParams } from '@/lib/lists/params';

// A table computed whole on the server (a dashboard's shop or manager-day rows): the quick
// filter, the sort and the page come from the URL, and only the page travels to the browser.
// The export applies the same filter and sort to every row.

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** The list state of a server-computed table; `keys` are the columns one may sort by. */
export function rowsParams(sp: Record<string, string | string[] | undefined> | URLSearchParams, keys: readonly string[]): ListParams {
  return parseListParams(sp, { sorts: keys, filters: [] });
}

const compare = (a: Cell, b: Cell) => {
  // empty cells last, whichever the direction
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
};

/**
 * Rows whose text cells (shop, manager, day, band…; not the numbers) contain the quick filter,
 * in the asked order (stable otherwise).
 */
export function filterAndSort<T extends Row>(rows: T[], p: Pick<ListParams, 'q' | 'sort'>, keys: readonly string[]): T[] {
  const q = p.q.toLowerCase();
  const kept = q ? rows.filter((r) => keys.some((k) => typeof r[k] === 'string' && (r[k] as string).toLowerCase().includes(q))) : rows;
  if (!p.sort) return kept;
  const { id, desc } = p.sort;
  return kept
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => {
      const c = compare(a[id], b[id]);
      const empty = a[id] === null || a[id] === '' || b[id] === null || b[id] === '';
      return (c === 0 ? i - j : desc && !empty ? -c : c);
    })
    .map(([r]) => r);
}

/** One page of the filtered, sorted rows; a page past the end shows the last one. */
export function pageRows<T extends Row>(rows: T[], p: ListParams, keys: readonly string[]) {
  const all = filterAndSort(rows, p, keys);
  const pages = Math.max(1, Math.ceil(all.length / p.size));
  const page = Math.min(p.page, pages);
  return { rows: all.slice((page - 1) * p.size, page * p.size), total: all.length, page, size: p.size, sort: p.sort, q: p.q };
}
