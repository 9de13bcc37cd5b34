'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';

export type ComplaintRow = {
  id: number;
  number: string;
  retailerName: string;
  category: string;
  source: 'visit' | 'hotline' | 'walk_in' | 'opinion_book';
  status: 'received' | 'assigned' | 'investigating' | 'resolved' | 'replied' | 'closed';
  description: string;
  receivedAt: Date | string;
  resolveDueAt: Date | string;
  escalationLevel: number;
  overdue: boolean;
  dueSoon: boolean;
};

export function ComplaintTable(props: { data: ComplaintRow[]; total: number; page: number; size: number; sort: { id: string; desc: boolean } | null }) {
  const t = useTranslations();
  const columns = useMemo<ListColumn<ComplaintRow>[]>(
    () => [
      {
        id: 'number',
        accessorKey: 'number',
        header: t('complaints.number'),
        enableSorting: false,
        cell: ({ row }) => (
          <Link href={`/complaints/${row.original.id}`} className="font-mono text-xs text-primary hover:underline">
            {row.original.number}
          </Link>
        ),
      },
      { id: 'shop', accessorKey: 'retailerName', header: t('complaints.shop'), enableSorting: false },
      { id: 'category', accessorKey: 'category', header: t('complaints.category'), enableSorting: false },
      { id: 'source', accessorKey: 'source', header: t('complaints.source'), enableSorting: false, cell: ({ row }) => t(`complaints.sources.${row.original.source}`) },
      {
        id: 'status',
        accessorKey: 'status',
        header: t('complaints.status'),
        cell: ({ row }) => (
          <span className="flex gap-1">
            <Badge variant={row.original.status === 'closed' ? 'success' : 'secondary'}>{t(`complaintStatus.${row.original.status}`)}</Badge>
            {row.original.overdue && <Badge variant="destructive">{t('complaints.overdue')}</Badge>}
            {row.original.dueSoon && <Badge variant="warning">{t('complaints.dueSoon')}</Badge>}
            {row.original.escalationLevel > 0 && <Badge variant="warning">{t('complaints.escalated')}</Badge>}
          </span>
        ),
      },
      { id: 'receivedAt', accessorKey: 'receivedAt', header: t('complaints.receivedAt'), cell: ({ row }) => formatDateTime(row.original.receivedAt) },
      { id: 'resolveDueAt', accessorKey: 'resolveDueAt', header: t('complaints.resolveDueAt'), cell: ({ row }) => formatDateTime(row.original.resolveDueAt) },
      { id: 'description', accessorKey: 'description', header: t('complaints.description'), enableSorting: false, cell: ({ row }) => <span className="block max-w-64 truncate">{row.original.description}</span> },
    ],
    [t],
  );
  return <DataTable columns={columns} emptyText={t('complaints.empty')} testId="complaint-table" {...props} />;
}
