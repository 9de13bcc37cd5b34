import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatPercent } from '@/lib/format';
import type { Row } from '@/lib/lists/rows';

/** A column described with data only, so a server page can pass it to a client table. */
export type ColumnSpec = {
  key: string;
  header: string;
  kind?: 'text' | 'number' | 'percent' | 'link' | 'badge';
  /** for 'link': the row field holding the href */
  hrefKey?: string;
  /** for 'badge': the row field holding the variant */
  variantKey?: string;
  digits?: number;
};
/** a row of such a table: the shape lib/lists/rows.ts filters, sorts and pages */
export type SpecRow = Row;

export const isNumeric = (c: ColumnSpec) => c.kind === 'number' || c.kind === 'percent';

/** One cell as the column describes it: numbers to their digits, rates as %, links, badges. */
export function SpecCell({ column: c, row }: { column: ColumnSpec; row: SpecRow }) {
  const v = row[c.key];
  if (v === null || v === undefined) return '—';
  if (c.kind === 'percent') return typeof v === 'number' ? formatPercent(v) : v;
  if (c.kind === 'number') return typeof v === 'number' ? v.toFixed(c.digits ?? 0) : v;
  if (c.kind === 'link' && c.hrefKey) {
    if (!row[c.hrefKey]) return v;
    return (
      <Link className="text-primary hover:underline" href={String(row[c.hrefKey])}>
        {v}
      </Link>
    );
  }
  if (c.kind === 'badge') return <Badge variant={(c.variantKey ? row[c.variantKey] : 'secondary') as 'secondary'}>{v}</Badge>;
  return v;
}
