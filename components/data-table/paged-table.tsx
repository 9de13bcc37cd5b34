'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { Input } from '@/components/ui/input';
import { DataTable, type ListColumn } from './data-table';
import { ExportLinks } from './parts';
import { isNumeric, SpecCell, type ColumnSpec, type SpecRow } from './spec-cell';

/**
 * A dashboard table computed on the server (lib/lists/rows.ts): the quick filter, the sort and the
 * page live in the URL, only the page's rows reach the browser, and the export takes every row of
 * the same filter and sort.
 */
export function PagedTable({
  columns,
  rows,
  total,
  page,
  size,
  sort,
  q,
  exportPath,
  testId,
  emptyText,
}: {
  columns: ColumnSpec[];
  rows: SpecRow[];
  total: number;
  page: number;
  size: number;
  sort: { id: string; desc: boolean } | null;
  q: string;
  exportPath?: string;
  testId?: string;
  emptyText: string;
}) {
  const t = useTranslations('table');
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useState(q);
  const defs = useMemo<ListColumn<SpecRow>[]>(
    () => columns.map((c) => ({ id: c.key, accessorFn: (r: SpecRow) => r[c.key], header: c.header, cell: ({ row }) => <SpecCell column={c} row={row.original} /> })),
    [columns],
  );
  const numeric = new Set(columns.filter(isNumeric).map((c) => c.key));
  const filterTo = (value: string) => {
    const next = new URLSearchParams(search.toString());
    next.delete('page');
    if (value.trim()) next.set('q', value.trim());
    else next.delete('q');
    startTransition(() => router.push(`${pathname}?${next.toString()}`, { scroll: false }));
  };
  // the export keeps the view's filters and the quick filter and sort, never the page
  const exportQuery = new URLSearchParams(search.toString());
  exportQuery.delete('page');
  exportQuery.delete('size');
  return (
    <div className="space-y-2" aria-busy={pending}>
      <div className="flex flex-wrap items-center gap-2">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            filterTo(query);
          }}
        >
          <Input
            type="search"
            name="q"
            aria-label={t('filter')}
            placeholder={t('filter')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              if (e.target.value === '' && q) filterTo('');
            }}
            className="h-9 w-48"
          />
        </form>
        {exportPath && <ExportLinks href={`${exportPath}?${exportQuery.toString()}`} />}
      </div>
      <DataTable
        columns={defs}
        data={rows}
        total={total}
        page={page}
        size={size}
        sort={sort}
        emptyText={emptyText}
        testId={testId}
        cellClassName={(id) => (numeric.has(id) ? 'text-right tabular-nums' : undefined)}
      />
    </div>
  );
}
