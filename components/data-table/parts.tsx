'use client';

import { useTranslations } from 'next-intl';
import { TableCell, TableRow } from '@/components/ui/table';

type Dir = false | 'asc' | 'desc';

export const ariaSort = (dir: Dir) => (dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined);

/** A column header that sorts: the direction in a glyph and for screen readers. */
export function SortButton({ dir, onClick, children }: { dir: Dir; onClick?: (e: unknown) => void; children: React.ReactNode }) {
  const t = useTranslations('table');
  return (
    <button type="button" className="inline-flex items-center gap-1 hover:text-foreground" onClick={onClick}>
      {children}
      <span aria-hidden>{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
      <span className="sr-only">{t('sort')}</span>
    </button>
  );
}

export function EmptyRow({ colSpan, text }: { colSpan: number; text: string }) {
  return (
    <TableRow>
      <TableCell colSpan={colSpan} className="h-20 text-center text-muted-foreground">
        {text}
      </TableCell>
    </TableRow>
  );
}

/** CSV and Excel links to a table's export route; `href` carries the view's query (filters, sort). */
export function ExportLinks({ href }: { href: string }) {
  const t = useTranslations('table');
  const as = (file: string) => `${href}${href.includes('?') ? '&' : '?'}file=${file}`;
  return (
    <span className="ml-auto flex gap-2 text-sm">
      <a className="text-primary underline" href={as('csv')} download>
        {t('exportCsv')}
      </a>
      <a className="text-primary underline" href={as('xlsx')} download>
        {t('exportXlsx')}
      </a>
    </span>
  );
}
