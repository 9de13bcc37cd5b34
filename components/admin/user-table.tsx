'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';

export type AdminUserRow = {
  id: number;
  username: string;
  name: string;
  role: 'manager' | 'supervisor' | 'branch_head' | 'admin';
  phone: string | null;
  branchName: string | null;
  teamName: string | null;
  disabled: boolean;
  createdAt: Date | string;
};

export function AdminUserTable(props: { data: AdminUserRow[]; total: number; page: number; size: number; sort: { id: string; desc: boolean } | null }) {
  const t = useTranslations();
  const columns = useMemo<ListColumn<AdminUserRow>[]>(
    () => [
      {
        id: 'username',
        accessorKey: 'username',
        header: t('adminUsers.username'),
        cell: ({ row }) => (
          <Link href={`/admin/users/${row.original.id}`} className="font-medium text-primary hover:underline">
            {row.original.username}
          </Link>
        ),
      },
      { id: 'name', accessorKey: 'name', header: t('adminUsers.name') },
      { id: 'role', accessorKey: 'role', header: t('adminUsers.role'), cell: ({ row }) => t(`roles.${row.original.role}`) },
      { id: 'branch', accessorKey: 'branchName', header: t('adminUsers.branch'), enableSorting: false, cell: ({ row }) => row.original.branchName ?? '—' },
      { id: 'team', accessorKey: 'teamName', header: t('adminUsers.team'), enableSorting: false, cell: ({ row }) => row.original.teamName ?? '—' },
      { id: 'phone', accessorKey: 'phone', header: t('adminUsers.phone'), enableSorting: false, cell: ({ row }) => row.original.phone ?? '—' },
      {
        id: 'status',
        header: t('adminUsers.status'),
        enableSorting: false,
        cell: ({ row }) =>
          row.original.disabled ? <Badge variant="destructive">{t('adminUsers.statuses.disabled')}</Badge> : <Badge variant="success">{t('adminUsers.statuses.active')}</Badge>,
      },
      { id: 'createdAt', accessorKey: 'createdAt', header: t('adminUsers.createdAt'), cell: ({ row }) => formatDateTime(row.original.createdAt) },
    ],
    [t],
  );
  return <DataTable columns={columns} emptyText={t('adminUsers.empty')} testId="admin-user-table" {...props} />;
}
