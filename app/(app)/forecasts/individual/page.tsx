import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { IndividualForecastForm } from '@/components/planning/individual-forecast-form';
import { Toaster } from '@/components/ui/toaster';
import { getDb } from '@/db/index';
import { getIndividualForecastForm } from '@/db/queries/planning';
import { requireRole } from '@/lib/auth/dal';
import { today } from '@/lib/clock';
import { isFocusWindow } from '@/lib/planning/focus';
import { monthStart } from '@/lib/time';

export async function generateMetadata() {
  const t = await getTranslations('forecasts');
  return { title: t('individual.heading') };
}

export default async function IndividualForecastPage() {
  const user = await requireRole('manager');
  const day = today();
  const month = monthStart(day);
  const db = await getDb();
  const form = await getIndividualForecastForm(db, user.userId, month, day);
  const t = await getTranslations('forecasts');
  const dom = Number(day.slice(8, 10));

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Toaster />
      <p className="text-sm">
        <Link href="/forecasts" className="text-primary underline-offset-4 hover:underline">
          {t('back')}
        </Link>
      </p>
      <div>
        <h1 className="text-xl font-semibold">{t('individual.heading')}</h1>
        <p className="text-sm text-muted-foreground">
          {t('monthLabel', { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) })} · {t('individual.intro')}
        </p>
      </div>
      {!isFocusWindow(day) && (
        <p className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="window-note">
          {dom < 6 ? t('individual.early') : t('individual.late')}
        </p>
      )}
      {form.shops.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
          {t('individual.empty')}{' '}
          <Link href="/forecasts/screening" className="text-primary underline-offset-4 hover:underline">
            {t('steps.screening')}
          </Link>
        </p>
      ) : (
        <IndividualForecastForm month={month} weeks={form.weeks} shops={form.shops} />
      )}
    </div>
  );
}
