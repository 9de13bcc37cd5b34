'use client';

import {
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  sortFns,
  tableFeatures,
  useTable,
  type ColumnDef,
} from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { DataTablePagination } from './pagination';
import { ariaSort, EmptyRow, ExportLinks, SortButton } from './parts';
import { isNumeric, SpecCell, type ColumnSpec, type SpecRow } from './spec-cell';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns,
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
});

type Row = SpecRow;
export type { ColumnSpec };

/**
 * The data table for rows already on the page (dashboard tables, a few hundred rows): sorting,
 * a quick filter and paging happen in the browser; export goes to the route handler, which
 * recomputes every filtered row on the server.
 */
export function LocalDataTable({ columns, rows, exportPath, testId, emptyText }: { columns: ColumnSpec[]; rows: Row[]; exportPath?: string; testId?: string; emptyText: string }) {
  const t = useTranslations('table');
  const [query, setQuery] = useState('');
  const [pageSize, setPageSize] = useState(20);
  const data = useMemo(() => (query ? rows.filter((r) => Object.values(r).some((v) => String(v ?? '').includes(query))) : rows), [rows, query]);
  const defs = useMemo<ColumnDef<typeof features, Row>[]>(
    () =>
      columns.map((c) => ({
        id: c.key,
        accessorFn: (r: Row) => r[c.key],
        header: c.header,
        sortingFn: isNumeric(c) ? 'basic' : 'text',
        cell: ({ row }) => <SpecCell column={c} row={row.original} />,
      })),
    [columns],
  );
  const table = useTable({ features, columns: defs, data, initialState: { pagination: { pageIndex: 0, pageSize } } });
  const pg = table.state.pagination;
  const numeric = new Set(columns.filter(isNumeric).map((c) => c.key));
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Input type="search" aria-label={t('filter')} placeholder={t('filter')} value={query} onChange={(e) => setQuery(e.target.value)} className="h-9 w-48" />
        {exportPath && <ExportLinks href={exportPath} />}
      </div>
      <Table data-testid={testId}>
        <TableHeader>
          {table.getHeaderGroups().map((g) => (
            <TableRow key={g.id}>
              {g.headers.map((h) => {
                const dir = h.column.getIsSorted();
                return (
                  <TableHead key={h.id} aria-sort={ariaSort(dir)}>
                    <SortButton dir={dir} onClick={h.column.getToggleSortingHandler()}>
                      <table.FlexRender header={h} />
                    </SortButton>
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {data.length === 0 ? (
            <EmptyRow colSpan={columns.length} text={emptyText} />
          ) : (
            table.getRowModel().rows.map((row) => (
              <TableRow key={row.id}>
                {row.getAllCells().map((cell) => (
                  <TableCell key={cell.id} className={numeric.has(cell.column.id) ? 'text-right tabular-nums' : undefined}>
                    <table.FlexRender cell={cell} />
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <DataTablePagination
        page={pg.pageIndex + 1}
        size={pg.pageSize}
        total={data.length}
        onPage={(p) => table.setPageIndex(p - 1)}
        onSize={(s) => {
          setPageSize(s);
          table.setPageSize(s);
        }}
      />
    </div>
  );
}
