'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { auditActionKey } from '@/lib/admin/audit-labels';
import { formatDateTime } from '@/lib/format';

export type AuditRow = {
  id: number;
  at: Date | string;
  username: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  success: boolean;
  ip: string | null;
  detail: unknown;
};

export function detailText(detail: unknown) {
  if (detail == null) return '';
  const s = JSON.stringify(detail);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export function AuditTable(props: { data: AuditRow[]; total: number; page: number; size: number; sort: { id: string; desc: boolean } | null }) {
  const t = useTranslations('adminAudit');
  const columns = useMemo<ListColumn<AuditRow>[]>(
    () => [
      { id: 'at', accessorKey: 'at', header: t('at'), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(row.original.at)}</span> },
      { id: 'username', accessorKey: 'username', header: t('user'), enableSorting: false, cell: ({ row }) => row.original.username ?? '—' },
      {
        id: 'action',
        accessorKey: 'action',
        header: t('action'),
        enableSorting: false,
        cell: ({ row }) => {
          const key = `actions.${auditActionKey(row.original.action)}`;
          return (
            <span title={row.original.action} data-action={row.original.action}>
              {t.has(key) ? t(key) : row.original.action}
            </span>
          );
        },
      },
      {
        id: 'entity',
        header: t('entity'),
        enableSorting: false,
        cell: ({ row }) => (row.original.entity ? `${row.original.entity}${row.original.entityId ? ` #${row.original.entityId}` : ''}` : '—'),
      },
      {
        id: 'success',
        header: t('result'),
        enableSorting: false,
        cell: ({ row }) => (row.original.success ? <Badge variant="success">{t('success')}</Badge> : <Badge variant="destructive">{t('failure')}</Badge>),
      },
      { id: 'ip', accessorKey: 'ip', header: t('ip'), enableSorting: false, cell: ({ row }) => row.original.ip ?? '—' },
      {
        id: 'detail',
        header: t('detail'),
        enableSorting: false,
        cell: ({ row }) => <code className="block max-w-md break-all text-xs text-muted-foreground">{detailText(row.original.detail)}</code>,
      },
    ],
    [t],
  );
  return <DataTable columns={columns} emptyText={t('empty')} testId="audit-table" {...props} />;
}
