'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { DataTable, type ListColumn } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';

export type RetailerRow = {
  id: number;
  licenceNo: string;
  name: string;
  owner: string;
  phone: string;
  area: 'city' | 'rural';
  format: string;
  grade: number;
  routeName: string;
  isKeyCustomer: boolean;
  isEnterprise: boolean;
};

export function RetailerTable(props: { data: RetailerRow[]; total: number; page: number; size: number; sort: { id: string; desc: boolean } | null }) {
  const t = useTranslations();
  const columns = useMemo<ListColumn<RetailerRow>[]>(
    () => [
      {
        id: 'name',
        accessorKey: 'name',
        header: t('retailers.name'),
        cell: ({ row }) => (
          <Link href={`/retailers/${row.original.id}`} className="font-medium text-primary hover:underline">
            {row.original.name}
          </Link>
        ),
      },
      { id: 'licenceNo', accessorKey: 'licenceNo', header: t('retailers.licenceNo') },
      { id: 'grade', accessorKey: 'grade', header: t('retailers.grade') },
      { id: 'route', accessorKey: 'routeName', header: t('retailers.route') },
      { id: 'area', accessorKey: 'area', header: t('retailers.area'), enableSorting: false, cell: ({ row }) => t(`area.${row.original.area}`) },
      { id: 'format', accessorKey: 'format', header: t('retailers.format'), enableSorting: false, cell: ({ row }) => t(`formats.${row.original.format}`) },
      { id: 'owner', accessorKey: 'owner', header: t('retailers.owner'), enableSorting: false },
      { id: 'phone', accessorKey: 'phone', header: t('retailers.phone'), enableSorting: false },
      {
        id: 'flags',
        header: t('retailers.flags'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="flex gap-1">
            {row.original.isKeyCustomer && <Badge variant="default">{t('retailers.key')}</Badge>}
            {row.original.isEnterprise && <Badge variant="outline">{t('retailers.enterprise')}</Badge>}
          </span>
        ),
      },
    ],
    [t],
  );
  return <DataTable columns={columns} emptyText={t('retailers.empty')} testId="retailer-table" {...props} />;
}
