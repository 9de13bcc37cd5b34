'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { formatTime } from '@/lib/format';

export type VisitRow = {
  id: string;
  visitDate: string;
  startedAt: Date | string;
  endedAt: Date | string;
  durationSec: number;
  short: boolean;
  offPlan: boolean;
  retailerName: string;
  managerName: string;
};

export function VisitTable(props: { data: VisitRow[]; total: number; page: number; size: number; sort: { id: string; desc: boolean } | null; showManager?: boolean }) {
  const t = useTranslations();
  const { showManager, ...rest } = props;
  const columns = useMemo<ListColumn<VisitRow>[]>(
    () => [
      {
        id: 'startedAt',
        accessorKey: 'visitDate',
        header: t('visits.date'),
        cell: ({ row }) => (
          <Link href={`/visits/${row.original.id}`} className="tabular-nums text-primary hover:underline">
            {row.original.visitDate} {formatTime(row.original.startedAt)}–{formatTime(row.original.endedAt)}
          </Link>
        ),
      },
      { id: 'retailer', accessorKey: 'retailerName', header: t('visits.shop') },
      ...(showManager ? [{ id: 'manager', accessorKey: 'managerName', header: t('visits.manager'), enableSorting: false } as ListColumn<VisitRow>] : []),
      { id: 'duration', accessorKey: 'durationSec', header: t('visits.duration'), cell: ({ row }) => t('today.minutes', { minutes: Math.round(row.original.durationSec / 60) }) },
      {
        id: 'flags',
        header: t('visits.flags'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="flex gap-1">
            {row.original.short && <Badge variant="warning">{t('today.short')}</Badge>}
            {row.original.offPlan && <Badge variant="outline">{t('today.offPlan')}</Badge>}
          </span>
        ),
      },
    ],
    [t, showManager],
  );
  return <DataTable columns={columns} emptyText={t('visits.empty')} testId="visit-table" {...rest} />;
}
