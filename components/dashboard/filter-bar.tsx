'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { FilterSelect, type Opt } from '@/components/data-table/filter-select';
import { NativeSelect } from '@/components/ui/select';


/** The dashboard's view lives in the URL, so a link shows the same view. */
export function FilterBar({ teams, managers, brands, specs, formats }: { teams: Opt[]; managers: (Opt & { teamId: string })[]; brands: Opt[]; specs: Opt[]; formats: Opt[] }) {
  const t = useTranslations('dash');
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const get = (k: string) => search.get(k) ?? '';
  const team = get('team');
  const [kind, setKind] = useState(get('period') || 'week');
  return (
    <form
      key={search.toString()}
      role="search"
      aria-label={t('filters')}
      className="flex flex-wrap items-end gap-2 rounded-lg border bg-card p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const next = new URLSearchParams();
        for (const [k, v] of data.entries()) if (String(v)) next.set(k, String(v));
        startTransition(() => router.push(`${pathname}?${next.toString()}`));
      }}
      onReset={() => startTransition(() => router.push(pathname))}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted-foreground">{t('period')}</span>
        <NativeSelect name="period" value={kind} onChange={(e) => setKind(e.target.value)} className="h-10 w-24">
          <option value="week">{t('week')}</option>
          <option value="month">{t('month')}</option>
          <option value="range">{t('range')}</option>
        </NativeSelect>
      </label>
      {kind === 'range' ? (
        <>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-muted-foreground">{t('from')}</span>
            <Input type="date" name="from" defaultValue={get('from')} className="h-10 w-40" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-muted-foreground">{t('to')}</span>
            <Input type="date" name="to" defaultValue={get('to')} className="h-10 w-40" />
          </label>
        </>
      ) : (
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">{t('at')}</span>
          <Input type="date" name="at" defaultValue={get('at')} className="h-10 w-40" />
        </label>
      )}
      {teams.length > 1 && <FilterSelect label={t('team')} name="team" defaultValue={team} options={teams} allLabel={t('all')} className="w-36" />}
      <FilterSelect label={t('manager')} name="manager" defaultValue={get('manager')} options={managers.filter((m) => !team || m.teamId === team)} allLabel={t('all')} className="w-32" />
      <FilterSelect label={t('brand')} name="brand" defaultValue={get('brand')} options={brands} allLabel={t('all')} className="w-32" />
      <FilterSelect label={t('spec')} name="spec" defaultValue={get('spec')} options={specs} allLabel={t('all')} className="w-40" />
      <FilterSelect
        label={t('area')}
        name="area"
        defaultValue={get('area')}
        options={[
          { value: 'city', label: t('city') },
          { value: 'rural', label: t('rural') },
        ]}
        allLabel={t('all')}
        className="w-24"
      />
      <FilterSelect label={t('format')} name="format" defaultValue={get('format')} options={formats} allLabel={t('all')} className="w-28" />
      <div className="flex gap-2">
        <Button type="submit" className="h-10" disabled={pending}>
          {t('query')}
        </Button>
        <Button type="reset" variant="outline" className="h-10">
          {t('reset')}
        </Button>
      </div>
    </form>
  );
}
