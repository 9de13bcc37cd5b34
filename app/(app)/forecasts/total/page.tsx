import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MonthLinks } from '@/components/planning/month-links';
import { TotalForecastForm } from '@/components/planning/total-forecast-form';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getTotalForecastForm } from '@/db/queries/planning';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { formatDateTime } from '@/lib/format';
import { forecastableMonths } from '@/lib/planning/forecasts';
import { monthParam, parseMonthParam } from '@/lib/planning/months';

export async function generateMetadata() {
  const t = await getTranslations('forecasts');
  return { title: t('total.heading') };
}

export default async function TotalForecastPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const user = await requireRole('manager');
  const day = today();
  const months = forecastableMonths(day);
  const asked = parseMonthParam((await searchParams).month);
  const month = asked && months.includes(asked) ? asked : months[0];
  const db = await getDb();
  const form = await getTotalForecastForm(db, user.userId, month);
  const t = await getTranslations('forecasts');
  const dom = Number(day.slice(8, 10));
  const late = month === months[0] && dom > 5;

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Toaster />
      <p className="text-sm">
        <Link href="/forecasts" className="text-primary underline-offset-4 hover:underline">
          {t('back')}
        </Link>
      </p>
      <div>
        <h1 className="text-xl font-semibold">{t('total.heading')}</h1>
        <p className="text-sm text-muted-foreground">{t('total.intro')}</p>
      </div>
      <MonthLinks months={months} current={month} href={(m) => `/forecasts/total?month=${monthParam(m)}`} label={t('total.months')} />
      {late && (
        <p className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="window-passed">
          {t('total.late')}
        </p>
      )}
      {form.savedAt && (
        <p className="text-sm" data-testid="total-saved-at">
          {t('total.savedAt', { at: formatDateTime(form.savedAt) })}
        </p>
      )}
      <TotalForecastForm key={`${month}:${form.savedAt?.toISOString() ?? ''}`} month={month} guideMonths={form.months} rows={form.rows} />
    </div>
  );
}
