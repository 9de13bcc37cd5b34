'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/select';
import { PAGE_SIZES } from '@/lib/lists/params';

export function DataTablePagination({
  page,
  size,
  total,
  onPage,
  onSize,
}: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
  onSize: (size: number) => void;
}) {
  const t = useTranslations('table');
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 text-sm">
      <span className="mr-auto text-muted-foreground" data-testid="table-total">
        {t('total', { count: total })}
      </span>
      <NativeSelect aria-label={t('pageSize')} className="h-9 w-28" value={size} onChange={(e) => onSize(Number(e.target.value))}>
        {PAGE_SIZES.map((s) => (
          <option key={s} value={s}>
            {t('perPage', { size: s })}
          </option>
        ))}
      </NativeSelect>
      <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('previous')}
      </Button>
      <span className="tabular-nums">{t('pageOf', { page, pages })}</span>
      <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('next')}
      </Button>
    </div>
  );
}
