import { describe, expect, it } from 'vitest';
import { filterAndSort, pageRows, rowsParams } from '@/lib/lists/rows';

// the dashboards' shop and manager-day tables: filtered, sorted and paged on the server
const rows = Array.from({ length: 45 }, (_, i) => ({
  shop: `店${'ABCDE'[Math.floor(i / 10)]}${'abcdefghij'[i % 10]}`, // no digits: a number typed matches no shop
  manager: i % 3 === 0 ? '张三' : '李四',
  weeks: i % 5 === 0 ? null : (i * 7) % 11,
  href: `/retailers/${i}`,
}));
const keys = ['shop', 'manager', 'weeks'];

describe('server-side table rows', () => {
  it('reads page, size, sort and the quick filter from the URL, refusing unknown sorts and sizes', () => {
    const p = rowsParams(new URLSearchParams('page=2&size=50&sort=weeks.desc&q=张'), keys);
    expect(p).toMatchObject({ page: 2, size: 50, sort: { id: 'weeks', desc: true }, q: '张' });
    const bad = rowsParams({ page: 'x', size: '7', sort: 'href.asc' }, keys);
    expect(bad).toMatchObject({ page: 1, size: 20, sort: null, q: '' });
  });

  it('the quick filter matches text cells only, not numbers or links', () => {
    expect(filterAndSort(rows, { q: '张三', sort: null }, keys)).toHaveLength(15);
    expect(filterAndSort(rows, { q: '7', sort: null }, keys)).toHaveLength(0); // weeks 7 is a number
    expect(filterAndSort(rows, { q: 'retailers', sort: null }, keys)).toHaveLength(0);
    expect(filterAndSort(rows, { q: 'cB', sort: null }, keys).map((r) => r.shop)).toEqual(['店Cb']); // any case
  });

  it('sorts numbers as numbers, keeps empty cells last in either direction, and ties in their order', () => {
    const asc = filterAndSort(rows, { q: '', sort: { id: 'weeks', desc: false } }, keys);
    const desc = filterAndSort(rows, { q: '', sort: { id: 'weeks', desc: true } }, keys);
    const nums = (rs: typeof rows) => rs.map((r) => r.weeks).filter((w) => w !== null) as number[];
    expect(nums(asc)).toEqual([...nums(asc)].sort((a, b) => a - b));
    expect(nums(desc)).toEqual([...nums(asc)].reverse());
    expect(asc.slice(-9).every((r) => r.weeks === null)).toBe(true);
    expect(desc.slice(-9).every((r) => r.weeks === null)).toBe(true);
    // equal values keep the server's order (stable)
    const tens = asc.filter((r) => r.weeks === 10).map((r) => r.shop);
    expect(tens).toEqual([...tens].sort());
  });

  it('pages the filtered rows; a page past the end shows the last one', () => {
    const p = rowsParams({ page: '3' }, keys);
    const view = pageRows(rows, p, keys);
    expect(view).toMatchObject({ total: 45, page: 3, size: 20 });
    expect(view.rows.map((r) => r.shop)).toEqual(['店Ea', '店Eb', '店Ec', '店Ed', '店Ee']);
    const far = pageRows(rows, rowsParams({ page: '9', q: '张三' }, keys), keys);
    expect(far).toMatchObject({ total: 15, page: 1 });
    expect(far.rows).toHaveLength(15);
    expect(pageRows([], rowsParams({ page: '4' }, keys), keys)).toMatchObject({ total: 0, page: 1, rows: [] });
  });
});
