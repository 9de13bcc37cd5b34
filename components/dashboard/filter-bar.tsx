'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/select';

type Opt = { value: string; label: string };

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
      {teams.length > 1 && (
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-muted-foreground">{t('team')}</span>
          <NativeSelect name="team" defaultValue={team} className="h-10 w-36">
            <option value="">{t('all')}</option>
            {teams.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </label>
      )}
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted-foreground">{t('manager')}</span>
        <NativeSelect name="manager" defaultValue={get('manager')} className="h-10 w-32">
          <option value="">{t('all')}</option>
          {managers
            .filter((m) => !team || m.teamId === team)
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </NativeSelect>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted-foreground">{t('brand')}</span>
        <NativeSelect name="brand" defaultValue={get('brand')} className="h-10 w-32">
          <option value="">{t('all')}</option>
          {brands.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted-foreground">{t('spec')}</span>
        <NativeSelect name="spec" defaultValue={get('spec')} className="h-10 w-40">
          <option value="">{t('all')}</option>
          {specs.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted-foreground">{t('area')}</span>
        <NativeSelect name="area" defaultValue={get('area')} className="h-10 w-24">
          <option value="">{t('all')}</option>
          <option value="city">{t('city')}</option>
          <option value="rural">{t('rural')}</option>
        </NativeSelect>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted-foreground">{t('format')}</span>
        <NativeSelect name="format" defaultValue={get('format')} className="h-10 w-28">
          <option value="">{t('all')}</option>
          {formats.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      </label>
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
