'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { FilterSelect } from './filter-select';

export type FilterField =
  | { kind: 'search'; name: string; label: string; placeholder?: string }
  | { kind: 'select'; name: string; label: string; options: { value: string; label: string }[] }
  | { kind: 'date'; name: string; label: string };

/** Filters above a list (查询 / 重置) and the export of every filtered row. */
export function DataTableToolbar({ fields, exportPath }: { fields: FilterField[]; exportPath?: string }) {
  const t = useTranslations('table');
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const next = new URLSearchParams();
    const sort = search.get('sort');
    if (sort) next.set('sort', sort);
    for (const f of fields) {
      const v = String(data.get(f.name) ?? '').trim();
      if (v) next.set(f.name, v);
    }
    startTransition(() => router.push(`${pathname}?${next.toString()}`));
  };

  const query = search.toString();
  return (
    <form
      role="search"
      className="flex flex-wrap items-end gap-2 rounded-lg border bg-card p-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      onReset={() => startTransition(() => router.push(pathname))}
      key={query}
    >
      {fields.map((f) =>
        f.kind === 'select' ? (
          <FilterSelect key={f.name} label={f.label} name={f.name} defaultValue={search.get(f.name) ?? ''} options={f.options} allLabel={t('all')} className="min-w-36" />
        ) : (
          <label key={f.name} className="flex min-w-36 flex-1 flex-col gap-1 text-sm sm:flex-none">
            <span className="text-muted-foreground">{f.label}</span>
            <Input
              name={f.name}
              type={f.kind === 'date' ? 'date' : 'search'}
              className="h-10"
              placeholder={f.kind === 'search' ? f.placeholder : undefined}
              defaultValue={search.get(f.name) ?? ''}
            />
          </label>
        ),
      )}
      <div className="flex gap-2">
        <Button type="submit" className="h-10" disabled={pending}>
          {t('query')}
        </Button>
        <Button type="reset" variant="outline" className="h-10">
          {t('reset')}
        </Button>
      </div>
      {exportPath && (
        <div className="ml-auto flex gap-2">
          <Button asChild variant="outline" className="h-10">
            <a href={`${exportPath}?${query}${query ? '&' : ''}file=csv`} download>
              {t('exportCsv')}
            </a>
          </Button>
          <Button asChild variant="outline" className="h-10">
            <a href={`${exportPath}?${query}${query ? '&' : ''}file=xlsx`} download>
              {t('exportXlsx')}
            </a>
          </Button>
        </div>
      )}
    </form>
  );
}
