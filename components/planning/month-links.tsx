import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/utils';

/** Months as large links (phones): the chosen one marked with aria-current, not colour alone. */
export function MonthLinks({ months, current, href, label }: { months: string[]; current: string; href: (month: string) => string; label: string }) {
  const t = useTranslations('forecasts');
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {months.map((m) => (
        <Link
          key={m}
          href={href(m)}
          aria-current={m === current ? 'page' : undefined}
          className={cn(
            'inline-flex min-h-11 items-center rounded-md border px-3 text-sm font-medium',
            m === current ? 'border-primary bg-primary/10 text-primary' : 'border-input bg-card text-muted-foreground',
          )}
        >
          {m === current && <span aria-hidden>✓&nbsp;</span>}
          {t('monthLabel', { year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) })}
        </Link>
      ))}
    </nav>
  );
}
