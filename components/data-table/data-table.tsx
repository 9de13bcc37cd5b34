'use client';

import {
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type SortingState,
  type RowData,
  type Updater,
} from '@tanstack/react-table';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/utils';
import { DataTablePagination } from './pagination';
import { ariaSort, EmptyRow, SortButton } from './parts';

export const listFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type ListColumn<T extends RowData> = ColumnDef<typeof listFeatures, T>;

/**
 * The one table every list uses. Sorting and paging happen on the server: the table writes them
 * to the URL and the page re-reads the rows, so large lists never travel to the browser whole.
 */
export function DataTable<T extends RowData>({
  columns,
  data,
  total,
  page,
  size,
  sort,
  emptyText,
  testId,
  cellClassName,
}: {
  columns: ListColumn<T>[];
  data: T[];
  total: number;
  page: number;
  size: number;
  sort: { id: string; desc: boolean } | null;
  emptyText: string;
  testId?: string;
  /** a class for the cells of a column (numbers right-aligned) */
  cellClassName?: (columnId: string) => string | undefined;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();

  const sorting: SortingState = sort ? [{ id: sort.id, desc: sort.desc }] : [];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize: size };

  const navigate = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(search.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    startTransition(() => router.push(`${pathname}?${next.toString()}`, { scroll: false }));
  };

  const table = useTable({
    features: listFeatures,
    columns,
    data,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      navigate({ sort: first ? `${first.id}.${first.desc ? 'desc' : 'asc'}` : null, page: null });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = typeof updater === 'function' ? updater(pagination) : updater;
      navigate({ page: next.pageIndex > 0 ? String(next.pageIndex + 1) : null, size: next.pageSize !== 20 ? String(next.pageSize) : null });
    },
  });

  return (
    <div className={cn('space-y-2', pending && 'opacity-60')} aria-busy={pending}>
      <Table data-testid={testId}>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const canSort = header.column.getCanSort();
                const dir = header.column.getIsSorted();
                return (
                  <TableHead key={header.id} aria-sort={ariaSort(dir)}>
                    {canSort ? (
                      <SortButton dir={dir} onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                      </SortButton>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
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
                  <TableCell key={cell.id} className={cellClassName?.(cell.column.id)}>
                    <table.FlexRender cell={cell} />
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <DataTablePagination
        page={page}
        size={size}
        total={total}
        onPage={(p) => table.setPageIndex(p - 1)}
        onSize={(s) => table.setPageSize(s)}
      />
    </div>
  );
}
