'use client';

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';

/** A cell already formatted on the server; `testId` marks a figure the tests read. */
export type FigureCell = string | number | { text: string | number; testId?: string };
export type FigureRow = { key: string; /** data-* attributes of the row */ data?: Record<string, string>; cells: FigureCell[] };

/**
 * A table of figures sent as data, not as elements. React's server renderer splits an element tree
 * past a few kilobytes into a task per element, so a spec table of 300 server-rendered cells cost
 * more to stream than the rest of its page; as props the rows travel as one compact row of data
 * and the same markup is rendered from them.
 */
export function FigureTable({ head, rows, numeric }: { head: string[]; rows: FigureRow[]; /** columns from this index on are numbers */ numeric: number }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          {head.map((h, i) => (
            <TableHead key={i} className={i >= numeric ? 'text-right' : undefined}>
              {h}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key} {...Object.fromEntries(Object.entries(r.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}>
            {r.cells.map((c, i) => {
              const cell = typeof c === 'object' ? c : { text: c };
              return (
                <TableCell key={i} className={i >= numeric ? 'text-right tabular-nums' : undefined} data-testid={cell.testId}>
                  {cell.text}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
