'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { usePathname, useSearchParams } from 'next/navigation';
import { cn } from '@/lib/utils';

const tabs = ['', 'inventory', 'sell-through', 'shelving', 'complaints', 'targets', 'visits'] as const;

/** The dashboards, keeping the current filters when moving between them. */
export function DashNav() {
  const t = useTranslations('dash.tabs');
  const pathname = usePathname();
  // the view's filters go along; a table's page, sort and quick filter stay behind
  const params = new URLSearchParams(useSearchParams().toString());
  for (const k of ['page', 'size', 'sort', 'q']) params.delete(k);
  const qs = params.toString();
  return (
    <nav aria-label={t('label')} className="-mx-1 flex gap-1 overflow-x-auto pb-1">
      {tabs.map((tab) => {
        const href = `/dashboard${tab ? `/${tab}` : ''}`;
        const active = pathname === href;
        return (
          <Link
            key={tab}
            href={`${href}${qs ? `?${qs}` : ''}`}
            aria-current={active ? 'page' : undefined}
            className={cn('whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium', active ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:bg-muted')}
          >
            {t(tab || 'overview')}
          </Link>
        );
      })}
    </nav>
  );
}
